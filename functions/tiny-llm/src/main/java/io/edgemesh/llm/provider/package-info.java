/**
 * The providers that can produce an answer: the built-in extractive responder (the local default,
 * no model), any OpenAI-compatible chat-completions server, and Amazon Bedrock's Converse API, plus
 * the grounded prompt they share. A provider only answers; choosing, retrying and accounting is the
 * router's job.
 */
package io.edgemesh.llm.provider;
