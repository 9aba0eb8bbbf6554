// A worker thread of the `--jobs` pool: lints the files it is handed, one at a time.
import {runTask} from './task.js'

export default runTask
