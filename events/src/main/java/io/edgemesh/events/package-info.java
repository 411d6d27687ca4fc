/**
 * One typed record per queue message, as CloudEvents 1.0 JSON, with a JSON Schema each.
 */
package io.edgemesh.events;
