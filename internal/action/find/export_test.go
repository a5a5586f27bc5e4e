package find

// CustomPushdown exposes customPushdown to the external tests.
var CustomPushdown = customPushdown
