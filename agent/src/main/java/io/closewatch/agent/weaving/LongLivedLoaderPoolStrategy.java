package io.closewatch.agent.weaving;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions for matching, cached for the class loaders that live as long as the JVM (bootstrap, platform,
 * application), where nearly every class of an embedded container loads: without a cache, each loaded class would
 * parse its whole super-type chain again. Other loaders (web applications) get a fresh cache per lookup, so that
 * the agent never holds one of them.
 */
public final class LongLivedLoaderPoolStrategy implements AgentBuilder.PoolStrategy {
    private final TypePool.CacheProvider bootstrap = new TypePool.CacheProvider.Simple();
    private final TypePool.CacheProvider platform = new TypePool.CacheProvider.Simple();
    private final TypePool.CacheProvider application = new TypePool.CacheProvider.Simple();
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
    private final ClassLoader applicationLoader = ClassLoader.getSystemClassLoader();

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
        return new TypePool.Default.WithLazyResolution(cacheFor(classLoader), classFileLocator,
                TypePool.Default.ReaderMode.FAST);
    }

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader, String name) {
        return typePool(classFileLocator, classLoader);
    }

    private TypePool.CacheProvider cacheFor(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        if (loader == platformLoader) {
            return platform;
        }
        return loader == applicationLoader ? application : new TypePool.CacheProvider.Simple();
    }
}
