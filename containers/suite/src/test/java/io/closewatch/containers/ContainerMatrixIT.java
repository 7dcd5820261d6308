package io.closewatch.containers;

import org.junit.jupiter.api.Nested;

/** The scenario suite for every container of the matrix, on Java 17 and on Java 25. */
class ContainerMatrixIT {
    @Nested
    class Tomcat11OnJava17 extends ContainerScenarios {
        Tomcat11OnJava17() {
            super(Container.TOMCAT_11, 17);
        }
    }

    @Nested
    class Tomcat11OnJava25 extends ContainerScenarios {
        Tomcat11OnJava25() {
            super(Container.TOMCAT_11, 25);
        }
    }

    @Nested
    class Tomcat10OnJava17 extends ContainerScenarios {
        Tomcat10OnJava17() {
            super(Container.TOMCAT_10, 17);
        }
    }

    @Nested
    class Tomcat10OnJava25 extends ContainerScenarios {
        Tomcat10OnJava25() {
            super(Container.TOMCAT_10, 25);
        }
    }

    @Nested
    class Jetty12OnJava17 extends ContainerScenarios {
        Jetty12OnJava17() {
            super(Container.JETTY_12, 17);
        }
    }

    @Nested
    class Jetty12OnJava25 extends ContainerScenarios {
        Jetty12OnJava25() {
            super(Container.JETTY_12, 25);
        }
    }

    @Nested
    class Undertow23OnJava17 extends ContainerScenarios {
        Undertow23OnJava17() {
            super(Container.UNDERTOW_23, 17);
        }
    }

    @Nested
    class Undertow23OnJava25 extends ContainerScenarios {
        Undertow23OnJava25() {
            super(Container.UNDERTOW_23, 25);
        }
    }

    @Nested
    class Tyrus22OnJava17 extends ContainerScenarios {
        Tyrus22OnJava17() {
            super(Container.TYRUS_22, 17);
        }
    }

    @Nested
    class Tyrus22OnJava25 extends ContainerScenarios {
        Tyrus22OnJava25() {
            super(Container.TYRUS_22, 25);
        }
    }

    @Nested
    class Tomcat9JavaxOnJava17 extends ContainerScenarios {
        Tomcat9JavaxOnJava17() {
            super(Container.TOMCAT_9, 17);
        }
    }

    @Nested
    class Tomcat9JavaxOnJava25 extends ContainerScenarios {
        Tomcat9JavaxOnJava25() {
            super(Container.TOMCAT_9, 25);
        }
    }

    @Nested
    class SpringOnTomcat11OnJava17 extends ContainerScenarios {
        SpringOnTomcat11OnJava17() {
            super(Container.SPRING_62, 17);
        }
    }

    @Nested
    class SpringOnTomcat11OnJava25 extends ContainerScenarios {
        SpringOnTomcat11OnJava25() {
            super(Container.SPRING_62, 25);
        }
    }

    @Nested
    class SpringOnJetty12OnJava17 extends ContainerScenarios {
        SpringOnJetty12OnJava17() {
            super(Container.SPRING_62_JETTY, 17);
        }
    }

    @Nested
    class SpringOnJetty12OnJava25 extends ContainerScenarios {
        SpringOnJetty12OnJava25() {
            super(Container.SPRING_62_JETTY, 25);
        }
    }

    @Nested
    class Spring7OnTomcat11OnJava17 extends ContainerScenarios {
        Spring7OnTomcat11OnJava17() {
            super(Container.SPRING_70, 17);
        }
    }

    @Nested
    class Spring7OnTomcat11OnJava25 extends ContainerScenarios {
        Spring7OnTomcat11OnJava25() {
            super(Container.SPRING_70, 25);
        }
    }

    @Nested
    class SpringOnUndertow23OnJava17 extends ContainerScenarios {
        SpringOnUndertow23OnJava17() {
            super(Container.SPRING_62_UNDERTOW, 17);
        }
    }

    @Nested
    class SpringOnUndertow23OnJava25 extends ContainerScenarios {
        SpringOnUndertow23OnJava25() {
            super(Container.SPRING_62_UNDERTOW, 25);
        }
    }

    @Nested
    class SpringOnJetty120OnJava17 extends ContainerScenarios {
        SpringOnJetty120OnJava17() {
            super(Container.SPRING_62_JETTY_120, 17);
        }
    }

    @Nested
    class SpringOnJetty120OnJava25 extends ContainerScenarios {
        SpringOnJetty120OnJava25() {
            super(Container.SPRING_62_JETTY_120, 25);
        }
    }

    @Nested
    class JettyApi121OnJava17 extends ContainerScenarios {
        JettyApi121OnJava17() {
            super(Container.JETTY_API_121, 17);
        }
    }

    @Nested
    class JettyApi121OnJava25 extends ContainerScenarios {
        JettyApi121OnJava25() {
            super(Container.JETTY_API_121, 25);
        }
    }

    @Nested
    class JettyApi120OnJava17 extends ContainerScenarios {
        JettyApi120OnJava17() {
            super(Container.JETTY_API_120, 17);
        }
    }

    @Nested
    class JettyApi120OnJava25 extends ContainerScenarios {
        JettyApi120OnJava25() {
            super(Container.JETTY_API_120, 25);
        }
    }

    @Nested
    class Spring7OnJetty121OnJava17 extends ContainerScenarios {
        Spring7OnJetty121OnJava17() {
            super(Container.SPRING_70_JETTY, 17);
        }
    }

    @Nested
    class Spring7OnJetty121OnJava25 extends ContainerScenarios {
        Spring7OnJetty121OnJava25() {
            super(Container.SPRING_70_JETTY, 25);
        }
    }
}
