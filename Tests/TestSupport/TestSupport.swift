// Throwaway PostgreSQL cluster for integration tests.
