#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <stdio.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void scorecard_xmlFree(void *pointer) { xmlFree(pointer); }

/* Why the parse was stopped by a guard below (0: it was not). */
enum {
    SCORECARD_GUARD_NONE = 0,
    SCORECARD_GUARD_ENTITY_DECLARATION = 1,
    SCORECARD_GUARD_EXTERNAL_DTD = 2,
    SCORECARD_GUARD_TIME = 3,
    SCORECARD_GUARD_NODES = 4,
    SCORECARD_GUARD_ATTRIBUTES = 5
};

/* CLOCK_MONOTONIC in nanoseconds: the clock of every time budget, in C and in Swift. */
static inline unsigned long long scorecard_monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (unsigned long long)now.tv_sec * 1000000000ULL + (unsigned long long)now.tv_nsec;
}

/* Set on the parser context's _private: where a guard stopped the parse. */
typedef struct {
    int reason;
    int line;
    int column;
    /* The first error libxml2 reported (later ones are often consequences of it). */
    int has_error;
    int error_line;
    int error_column;
    char error_message[256];
    /* Bounds checked while libxml2 builds the tree (0: none); the pre-scan has already checked the
       counts, these catch whatever it might have missed and the time. */
    unsigned long long deadline_ns;
    long long max_nodes;
    long long max_attributes;
    long long nodes;
    /* The count that stopped the parse (nodes, or one element's attributes). */
    long long value;
    unsigned int events;
} scorecard_xml_guard;

static inline void scorecard_guard_stop(xmlParserCtxtPtr ctxt, int reason) {
    scorecard_xml_guard *guard = (scorecard_xml_guard *)ctxt->_private;
    if (guard != NULL && guard->reason == SCORECARD_GUARD_NONE) {
        guard->reason = reason;
        guard->line = ctxt->input != NULL ? ctxt->input->line : 0;
        guard->column = ctxt->input != NULL ? ctxt->input->col : 0;
    }
    xmlStopParser(ctxt);
}

/* Any entity declaration (general or parameter, internal or external) stops the parse at once:
   nothing is ever expanded, fetched or stored. */
static inline void scorecard_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
                                         const xmlChar *systemId, xmlChar *content) {
    (void)name; (void)type; (void)publicId; (void)systemId; (void)content;
    scorecard_guard_stop((xmlParserCtxtPtr)ctx, SCORECARD_GUARD_ENTITY_DECLARATION);
}

/* A DOCTYPE naming an external DTD stops the parse; an internal subset alone goes on. */
static inline void scorecard_internal_subset(void *ctx, const xmlChar *name, const xmlChar *externalID,
                                             const xmlChar *systemID) {
    if (externalID != NULL || systemID != NULL) {
        scorecard_guard_stop((xmlParserCtxtPtr)ctx, SCORECARD_GUARD_EXTERNAL_DTD);
        return;
    }
    xmlSAX2InternalSubset(ctx, name, externalID, systemID);
}

/* Structured error handler of the parser context: keeps the first error, prints nothing. */
static inline void scorecard_parser_error(void *ctx, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    scorecard_xml_guard *guard = ctxt != NULL ? (scorecard_xml_guard *)ctxt->_private : NULL;
    if (guard == NULL || error == NULL || guard->has_error || error->level < XML_ERR_ERROR) return;
    guard->has_error = 1;
    guard->error_line = error->line;
    guard->error_column = error->int2;
    snprintf(guard->error_message, sizeof guard->error_message, "%s",
             error->message != NULL ? error->message : "not well-formed");
}

/* The clock is read every 32 events: cheap next to libxml2's own work for them. */
static inline int scorecard_guard_over_time(scorecard_xml_guard *guard) {
    if (guard->deadline_ns == 0 || (++guard->events & 31) != 0) return 0;
    return scorecard_monotonic_ns() > guard->deadline_ns;
}

/* Counts each element and its attributes and checks the time before the tree gets them. */
static inline void scorecard_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                                           const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
                                           int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    scorecard_xml_guard *guard = (scorecard_xml_guard *)ctxt->_private;
    if (guard != NULL) {
        long long attributeCount = (long long)nb_attributes + (long long)nb_namespaces;
        if (guard->max_attributes > 0 && attributeCount > guard->max_attributes) {
            guard->value = attributeCount;
            scorecard_guard_stop(ctxt, SCORECARD_GUARD_ATTRIBUTES);
            return;
        }
        guard->nodes += 1 + attributeCount;
        if (guard->max_nodes > 0 && guard->nodes > guard->max_nodes) {
            guard->value = guard->nodes;
            scorecard_guard_stop(ctxt, SCORECARD_GUARD_NODES);
            return;
        }
        if (scorecard_guard_over_time(guard)) {
            scorecard_guard_stop(ctxt, SCORECARD_GUARD_TIME);
            return;
        }
    }
    xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                          attributes);
}

/* Character data arrives in pieces; each piece is an event for the clock, not a node. */
static inline void scorecard_characters(void *ctx, const xmlChar *text, int length) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    scorecard_xml_guard *guard = (scorecard_xml_guard *)ctxt->_private;
    if (guard != NULL && scorecard_guard_over_time(guard)) {
        scorecard_guard_stop(ctxt, SCORECARD_GUARD_TIME);
        return;
    }
    xmlSAX2Characters(ctx, text, length);
}

static inline void scorecard_install_guard(xmlParserCtxtPtr ctxt, scorecard_xml_guard *guard) {
    ctxt->_private = guard;
    ctxt->sax->serror = scorecard_parser_error;
    ctxt->sax->entityDecl = scorecard_entity_decl;
    ctxt->sax->internalSubset = scorecard_internal_subset;
    ctxt->sax->startElementNs = scorecard_start_element;
    ctxt->sax->characters = scorecard_characters;
}

/* Refuses every external load (DTD, entity, XSD import): defence in depth behind the guards. */
static inline xmlParserInputPtr scorecard_no_external_loader(const char *url, const char *id,
                                                             xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

static inline void scorecard_refuse_external_loads(void) {
    xmlSetExternalEntityLoader(scorecard_no_external_loader);
}

/* Error handlers that keep libxml2 from printing to stderr; errors are read from each context. */
static inline void scorecard_ignore_structured_error(void *userData, xmlErrorPtr error) {
    (void)userData; (void)error;
}

static inline void scorecard_xpath_silence(xmlXPathContextPtr ctxt) {
    ctxt->error = scorecard_ignore_structured_error;
}

#endif
