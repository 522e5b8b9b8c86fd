print("scorecard: not built yet")
