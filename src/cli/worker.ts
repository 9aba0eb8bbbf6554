// A worker thread of the `--jobs` pool: lints the batches of files it is handed, one at a time.
import {runWorkerBatch} from './lint-task.js'

export default runWorkerBatch
