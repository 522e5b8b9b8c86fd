// The Reports module: see README "Design".
