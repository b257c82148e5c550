export { displayWidth } from '../text-width.js';
