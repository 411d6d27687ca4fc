/**
 * Layer 5: the tiny-LLM provider router.
 */
package io.edgemesh.llm;
