// EcomapAnalysis
