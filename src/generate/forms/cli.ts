/** What `matterc validate-application` loads: the schema of a bundle's form and the validator. */
export { applicationSchema } from './index.js';
export { validateApplication } from './validate.js';
