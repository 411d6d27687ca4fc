/**
 * SnapStart (CRaC) priming: {@link io.edgemesh.common.crac.Priming} registers an {@code org.crac}
 * resource whose checkpoint hook warms classes and clients into the snapshot and whose restore hook
 * refreshes anything that is bound to time or credentials and must not be shared between restores.
 */
package io.edgemesh.common.crac;
