// The XML module: see README "Design".
