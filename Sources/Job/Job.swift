// The Job module: see README "Design".
