package io.closewatch.agent.weaving;

/** A field an advice reads. */
record FieldRef(String owner, String name, String descriptor, boolean isStatic) {
}
