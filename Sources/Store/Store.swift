// The Store module: see README "Design".
