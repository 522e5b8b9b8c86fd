// The CoA module: see README "Design".
