package io.edgemesh.common.log;

/** Log levels, lowest first. */
public enum Level { DEBUG, INFO, WARN, ERROR }
