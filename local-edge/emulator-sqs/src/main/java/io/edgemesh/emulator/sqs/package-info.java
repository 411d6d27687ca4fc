/**
 * Child-JVM entry point for ElasticMQ, the SQS API (with queue and message persistence in H2 when given a data folder). {@code Main} binds loopback only, prints one
 * {@code EMULATOR READY port=<p>} line on stdout for the launcher in {@code io.edgemesh.emulators},
 * and lives exactly as long as its stdin pipe to the parent; the module's runtime classpath is
 * written at build time to {@code classpath.txt} next to it, so its libraries never share a class
 * loader with another emulator or with the code under test.
 */
package io.edgemesh.emulator.sqs;
