package io.closewatch.agent.export;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The application's own Micrometer, reached by reflection from its {@code Metrics} class: the agent's copy is
 * relocated, so the application's types cannot be named in the agent's code (the shade plugin would relocate those
 * names too). Only builder methods that every Micrometer since 1.5 has are used, and JDK types cross the boundary
 * ({@link ToDoubleFunction}, {@link Duration}, {@link TimeUnit}): no agent class is ever loaded by the application.
 */
final class HostMicrometer {
    private static final MethodHandles.Lookup PUBLIC = MethodHandles.publicLookup();

    private final Object globalRegistry;
    private final String version;
    private final MethodHandle functionCounter;
    private final Builder functionCounterBuilder;
    private final MethodHandle gauge;
    private final Builder gaugeBuilder;
    private final MethodHandle gaugeStrongReference;
    private final MethodHandle timer;
    private final Builder timerBuilder;
    private final MethodHandle timerObjectives;
    private final MethodHandle timerRecord;

    /**
     * The methods the builders of meters share, resolved once.
     *
     * @param baseUnit null for a timer's builder: a timer's unit is its registry's
     */
    private record Builder(MethodHandle tags, MethodHandle description, MethodHandle baseUnit,
                           MethodHandle register) {
        static Builder of(Class<?> type, Class<?> registry, boolean hasBaseUnit) throws ReflectiveOperationException {
            return new Builder(method(type, "tags", String[].class), method(type, "description", String.class),
                    hasBaseUnit ? method(type, "baseUnit", String.class) : null,
                    PUBLIC.findVirtual(type, "register", MethodType.methodType(type.getEnclosingClass(), registry)));
        }

        /** A builder method returning the builder; varargs taken as an array. */
        private static MethodHandle method(Class<?> type, String name, Class<?> parameter)
                throws ReflectiveOperationException {
            return PUBLIC.findVirtual(type, name, MethodType.methodType(type, parameter)).asFixedArity();
        }

        Object register(Object builder, MeterDescription meter, Object registry) throws Throwable {
            Object described = tags.invoke(builder, meter.tags());
            if (meter.description() != null) {
                described = description.invoke(described, meter.description());
            }
            if (meter.baseUnit() != null && baseUnit != null) {
                described = baseUnit.invoke(described, meter.baseUnit());
            }
            return register.invoke(described, registry);
        }
    }

    /** A meter's name, tags (key, value, key, value...), description and base unit, as the application will see it. */
    record MeterDescription(String name, String[] tags, String description, String baseUnit) {
    }

    private HostMicrometer(Class<?> metrics) throws ReflectiveOperationException {
        ClassLoader loader = metrics.getClassLoader();
        String instrument = metrics.getPackageName() + '.';
        Class<?> registry = Class.forName(instrument + "MeterRegistry", false, loader);
        Class<?> functionCounterType = Class.forName(instrument + "FunctionCounter", false, loader);
        Class<?> gaugeType = Class.forName(instrument + "Gauge", false, loader);
        Class<?> timerType = Class.forName(instrument + "Timer", false, loader);
        Class<?> functionCounterBuilderType = Class.forName(instrument + "FunctionCounter$Builder", false, loader);
        Class<?> gaugeBuilderType = Class.forName(instrument + "Gauge$Builder", false, loader);
        Class<?> timerBuilderType = Class.forName(instrument + "Timer$Builder", false, loader);

        globalRegistry = metrics.getField("globalRegistry").get(null);
        Package micrometer = metrics.getPackage();
        version = micrometer.getImplementationVersion() == null ? "unknown" : micrometer.getImplementationVersion();
        functionCounter = PUBLIC.findStatic(functionCounterType, "builder", MethodType.methodType(
                functionCounterBuilderType, String.class, Object.class, ToDoubleFunction.class));
        functionCounterBuilder = Builder.of(functionCounterBuilderType, registry, true);
        gauge = PUBLIC.findStatic(gaugeType, "builder", MethodType.methodType(gaugeBuilderType, String.class,
                Object.class, ToDoubleFunction.class));
        gaugeBuilder = Builder.of(gaugeBuilderType, registry, true);
        gaugeStrongReference = PUBLIC.findVirtual(gaugeBuilderType, "strongReference",
                MethodType.methodType(gaugeBuilderType, boolean.class));
        timer = PUBLIC.findStatic(timerType, "builder", MethodType.methodType(timerBuilderType, String.class));
        timerBuilder = Builder.of(timerBuilderType, registry, false);
        timerObjectives = PUBLIC.findVirtual(timerBuilderType, "serviceLevelObjectives",
                MethodType.methodType(timerBuilderType, Duration[].class)).asFixedArity();
        timerRecord = PUBLIC.findVirtual(timerType, "record",
                MethodType.methodType(void.class, long.class, TimeUnit.class));
    }

    /**
     * @param metrics the application's {@code io.micrometer.core.instrument.Metrics}
     * @throws ReflectiveOperationException when that Micrometer lacks a method the export needs (older than 1.5)
     */
    static HostMicrometer of(Class<?> metrics) throws ReflectiveOperationException {
        return new HostMicrometer(metrics);
    }

    /** The {@code Implementation-Version} of the application's Micrometer, or "unknown". */
    String version() {
        return version;
    }

    /** A counter in the application's global registry whose count is read from {@code source}, whenever asked. */
    <T> void functionCounter(MeterDescription meter, T source, ToDoubleFunction<T> count) throws Throwable {
        functionCounterBuilder.register(functionCounter.invoke(meter.name(), source, count), meter, globalRegistry);
    }

    /** A gauge in the application's global registry, holding {@code source} strongly. */
    <T> void gauge(MeterDescription meter, T source, ToDoubleFunction<T> value) throws Throwable {
        Object builder = gaugeStrongReference.invoke(gauge.invoke(meter.name(), source, value), true);
        gaugeBuilder.register(builder, meter, globalRegistry);
    }

    /** A timer in the application's global registry with these bucket bounds; record into it with {@link #record}. */
    Object timer(MeterDescription meter, Duration[] serviceLevelObjectives) throws Throwable {
        Object builder = timerObjectives.invoke(timer.invoke(meter.name()), serviceLevelObjectives);
        return timerBuilder.register(builder, meter, globalRegistry);
    }

    void record(Object timer, long nanos) throws Throwable {
        timerRecord.invoke(timer, nanos, TimeUnit.NANOSECONDS);
    }
}
