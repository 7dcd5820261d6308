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
}
