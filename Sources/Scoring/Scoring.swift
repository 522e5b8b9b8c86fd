// The Scoring module: see README "Design".
