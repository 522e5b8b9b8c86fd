# The README's commands. `make demo` and `make test` install what is missing, build, and use a private
# throwaway PostgreSQL (never a shared server).
SHELL := /bin/bash
PGDIR ?= $(CURDIR)/.pgdata
DEMO_DB ?= scorecard_demo
DEMO_URL = host=$(PGDIR) user=postgres dbname=$(DEMO_DB)
PREFIX ?= /opt/scorecard
SWIFT_FLAGS ?=

.PHONY: demo test build release lint format deps db-start db-stop db-clean install bench clean leak-check

deps:
	@./scripts/install-deps

build: deps
	swift build $(SWIFT_FLAGS)

## make demo: build, start ./.pgdata, load the demo world into a fresh database, run the nightly job.
demo: build db-start
	@psql -X -q -h "$(PGDIR)" -U postgres -d postgres -c 'DROP DATABASE IF EXISTS $(DEMO_DB) WITH (FORCE)' -c 'CREATE DATABASE $(DEMO_DB)'
	@rm -rf demo/inbox demo/reports
	swift run $(SWIFT_FLAGS) scorecard demo --database "$(DEMO_URL)" --inbox demo/inbox --reports demo/reports
	@echo "Open demo/reports/index.html. Query the results: psql \"$(DEMO_URL)\". Stop the database: make db-stop"

## make test: build and run every test (unit, integration against throwaway clusters; as root, the
## tests that need an ordinary user again as `nobody`), the SQL-level pgTAP tests, the Nu HTML validator on rendered pages, the libpq leak check under LeakSanitizer, then lint.
test: deps
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build $(SWIFT_FLAGS)
	./scripts/unprivileged-tests
	./scripts/sql-tests
	./scripts/html-check
	./scripts/leak-check
	$(MAKE) --no-print-directory lint

leak-check: deps
	./scripts/leak-check

lint:
	swift format lint --strict -r Sources Tests Package.swift

format:
	swift format -i -r Sources Tests Package.swift

release: deps
	swift build -c release

db-start: deps
	@./scripts/pgcluster start "$(PGDIR)" >/dev/null

db-stop:
	@./scripts/pgcluster stop "$(PGDIR)"

db-clean:
	@./scripts/pgcluster destroy "$(PGDIR)"

## make install: the release binary, its resource bundles, SQL/, Reports/, profiles/ and the cron wrapper under $(PREFIX).
install: release
	install -d "$(PREFIX)/bin" "$(PREFIX)/SQL" "$(PREFIX)/Reports" "$(PREFIX)/profiles"
	install -m 0755 .build/release/scorecard "$(PREFIX)/bin/scorecard"
	cp -R .build/release/*.resources "$(PREFIX)/bin/" 2>/dev/null || true
	install -m 0755 cron/scorecard-cron "$(PREFIX)/bin/scorecard-cron"
	cp -R SQL/. "$(PREFIX)/SQL/"
	cp -R Reports/. "$(PREFIX)/Reports/"
	if [ -d profiles ]; then cp -R profiles/. "$(PREFIX)/profiles/"; fi
	install -m 0644 scorecard.conf.sample "$(PREFIX)/scorecard.conf.sample"

## make bench: the large world (1,000 suppliers, 3 years, 100,000 CoAs): cold and nightly runs, intake and COPY
## ratios (about 10 minutes; not part of make test). See docs/scaling.md.
bench: deps
	./scripts/bench

clean:
	rm -rf .build demo
