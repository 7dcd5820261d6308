package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

/** A module with one kind of hooked type, for the weaver's own tests. */
record OneHookModule(String stack, TypeHooks typeHooks) implements InstrumentationModule {
    @Override
    public String[] classFileNames() {
        return new String[] {stack};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(typeHooks);
    }
}
