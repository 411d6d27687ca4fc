/**
 * Layer 5, the tiny-LLM provider router: {@link io.edgemesh.llm.GenerateHandler} answers grounded
 * questions over numbered passages through the providers and policy in the sub-packages.
 */
package io.edgemesh.llm;
