/** Reading an imported file or paste (client/import), and handing the director a file to save. */
export { type Loaded, loadFile, loadPaste } from '../../import/load-document';
export { download } from '../../components/download';
