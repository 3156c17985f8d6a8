// Starts GOV.UK Frontend and MoJ Frontend components. Loaded as a module by layouts/base.html;
// copied next to the two libraries by scripts/build-frontend.sh. Every page works without it.
import { initAll as govukInitAll } from './govuk-frontend.min.js'
import { initAll as mojInitAll } from './moj-frontend.min.js'

govukInitAll()
mojInitAll()
