print("ecomap")
