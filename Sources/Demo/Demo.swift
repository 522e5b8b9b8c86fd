// The Demo module: see README "Design".
