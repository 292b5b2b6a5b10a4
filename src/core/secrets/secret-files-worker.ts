// A worker thread of secretFilesAside: reads the content folder for the secret scanner and posts what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { secretFiles, type SecretFilesOptions } from './secret-files.ts';

parentPort?.postMessage(secretFiles(workerData as SecretFilesOptions));
