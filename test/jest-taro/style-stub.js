// Style imports (scss) are irrelevant to component tests.
module.exports = {}
