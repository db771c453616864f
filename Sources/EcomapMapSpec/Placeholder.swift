// EcomapMapSpec
