// Reference tokenisation with transformers.js (Hugging Face), offline.
// usage: node encode.mjs <transformers package dir> <models parent dir> <model folder name> <sentences.json>
// prints a JSON array of id arrays, one per sentence, in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkgDir, parent, folder, sentencesFile] = process.argv.slice(2);
const { env, AutoTokenizer } = await import(pathToFileURL(join(pkgDir, 'dist', 'transformers.node.mjs')).href);
env.allowRemoteModels = false;
env.localModelPath = parent.endsWith('/') ? parent : parent + '/';
const tokenizer = await AutoTokenizer.from_pretrained(folder);
const sentences = JSON.parse(readFileSync(sentencesFile, 'utf8'));
process.stdout.write(JSON.stringify(sentences.map((s) => tokenizer.encode(s))));
