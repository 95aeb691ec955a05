// Loaded as an external module so the CSP can allow scripts from 'self' only, with no inline code.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
