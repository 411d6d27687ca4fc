#!/usr/bin/env bash
# Sourced by ./mvnw, ./edgemesh and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then `java` on the PATH, then the usual JDK folders.
# Prints what is missing and returns 1 when no JDK >= 21 exists.
_em_java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  v=${v#1.}; echo "${v%%.*}"
}
_em_find_jdk() {
  case $- in *f*) set +f; _em_noglob=1;; esac
  local want=21 cand m
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    m=$(_em_java_major "$JAVA_HOME/bin/java"); [ "${m:-0}" -ge $want ] && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    m=$(_em_java_major "$cand/bin/java"); [ "${m:-0}" -ge $want ] && { export JAVA_HOME="$cand"; return 0; }
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$cand/bin/javac" ] || continue
    m=$(_em_java_major "$cand/bin/java")
    if [ "${m:-0}" -ge $want ]; then export JAVA_HOME="$cand"; return 0; fi
  done
  echo "EdgeMesh needs a JDK 21 or newer (javac included); none found." >&2
  echo "  checked: JAVA_HOME=${JAVA_HOME:-<unset>}, javac on PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks" >&2
  echo "  install one (for example Temurin 21) and set JAVA_HOME to it." >&2
  return 1
}
if _em_find_jdk; then _em_rc=0; export PATH="$JAVA_HOME/bin:$PATH"; else _em_rc=1; fi
[ -n "${_em_noglob:-}" ] && set -f
unset _em_noglob
return $_em_rc 2>/dev/null || exit $_em_rc
