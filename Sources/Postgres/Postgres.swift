// The Postgres module: see README "Design".
