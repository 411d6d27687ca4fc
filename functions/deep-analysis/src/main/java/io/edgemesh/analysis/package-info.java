/**
 * Layer 3: deep analysis of uploads, one function per scanner.
 */
package io.edgemesh.analysis;
