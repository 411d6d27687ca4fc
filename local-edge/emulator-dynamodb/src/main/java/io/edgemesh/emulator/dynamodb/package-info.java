/**
 * Child-JVM entry point for DynamoDB Local (Jetty 12, sqlite4java natives extracted from its own jar). {@code Main} binds loopback only, prints one
 * {@code EMULATOR READY port=<p>} line on stdout for the launcher in {@code io.edgemesh.emulators},
 * and lives exactly as long as its stdin pipe to the parent; the module's runtime classpath is
 * written at build time to {@code classpath.txt} next to it, so its libraries never share a class
 * loader with another emulator or with the code under test.
 */
package io.edgemesh.emulator.dynamodb;
