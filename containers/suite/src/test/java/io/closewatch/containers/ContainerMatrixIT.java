package io.closewatch.containers;

/*
 * The scenario suite (ContainerScenarios) for every container of the matrix, on Java 17 and on Java 25: one
 * top-level class each, all in this file, so that JUnit runs them side by side (see junit-platform.properties) while
 * each plays its own scenarios one after the other on its own host JVM.
 */

class Tomcat11OnJava17IT extends ContainerScenarios {
    Tomcat11OnJava17IT() {
        super(Container.TOMCAT_11, 17);
    }
}

class Tomcat11OnJava25IT extends ContainerScenarios {
    Tomcat11OnJava25IT() {
        super(Container.TOMCAT_11, 25);
    }
}

class Tomcat10OnJava17IT extends ContainerScenarios {
    Tomcat10OnJava17IT() {
        super(Container.TOMCAT_10, 17);
    }
}

class Tomcat10OnJava25IT extends ContainerScenarios {
    Tomcat10OnJava25IT() {
        super(Container.TOMCAT_10, 25);
    }
}

class Jetty12OnJava17IT extends ContainerScenarios {
    Jetty12OnJava17IT() {
        super(Container.JETTY_12, 17);
    }
}

class Jetty12OnJava25IT extends ContainerScenarios {
    Jetty12OnJava25IT() {
        super(Container.JETTY_12, 25);
    }
}

class Undertow23OnJava17IT extends ContainerScenarios {
    Undertow23OnJava17IT() {
        super(Container.UNDERTOW_23, 17);
    }
}

class Undertow23OnJava25IT extends ContainerScenarios {
    Undertow23OnJava25IT() {
        super(Container.UNDERTOW_23, 25);
    }
}

class Tyrus22OnJava17IT extends ContainerScenarios {
    Tyrus22OnJava17IT() {
        super(Container.TYRUS_22, 17);
    }
}

class Tyrus22OnJava25IT extends ContainerScenarios {
    Tyrus22OnJava25IT() {
        super(Container.TYRUS_22, 25);
    }
}

class Tomcat9JavaxOnJava17IT extends ContainerScenarios {
    Tomcat9JavaxOnJava17IT() {
        super(Container.TOMCAT_9, 17);
    }
}

class Tomcat9JavaxOnJava25IT extends ContainerScenarios {
    Tomcat9JavaxOnJava25IT() {
        super(Container.TOMCAT_9, 25);
    }
}

class SpringOnTomcat11OnJava17IT extends ContainerScenarios {
    SpringOnTomcat11OnJava17IT() {
        super(Container.SPRING_62, 17);
    }
}

class SpringOnTomcat11OnJava25IT extends ContainerScenarios {
    SpringOnTomcat11OnJava25IT() {
        super(Container.SPRING_62, 25);
    }
}

class SpringOnJetty12OnJava17IT extends ContainerScenarios {
    SpringOnJetty12OnJava17IT() {
        super(Container.SPRING_62_JETTY, 17);
    }
}

class SpringOnJetty12OnJava25IT extends ContainerScenarios {
    SpringOnJetty12OnJava25IT() {
        super(Container.SPRING_62_JETTY, 25);
    }
}

class Spring7OnTomcat11OnJava17IT extends ContainerScenarios {
    Spring7OnTomcat11OnJava17IT() {
        super(Container.SPRING_70, 17);
    }
}

class Spring7OnTomcat11OnJava25IT extends ContainerScenarios {
    Spring7OnTomcat11OnJava25IT() {
        super(Container.SPRING_70, 25);
    }
}

class SpringOnUndertow23OnJava17IT extends ContainerScenarios {
    SpringOnUndertow23OnJava17IT() {
        super(Container.SPRING_62_UNDERTOW, 17);
    }
}

class SpringOnUndertow23OnJava25IT extends ContainerScenarios {
    SpringOnUndertow23OnJava25IT() {
        super(Container.SPRING_62_UNDERTOW, 25);
    }
}

class SpringOnJetty120OnJava17IT extends ContainerScenarios {
    SpringOnJetty120OnJava17IT() {
        super(Container.SPRING_62_JETTY_120, 17);
    }
}

class SpringOnJetty120OnJava25IT extends ContainerScenarios {
    SpringOnJetty120OnJava25IT() {
        super(Container.SPRING_62_JETTY_120, 25);
    }
}

class JettyApi121OnJava17IT extends ContainerScenarios {
    JettyApi121OnJava17IT() {
        super(Container.JETTY_API_121, 17);
    }
}

class JettyApi121OnJava25IT extends ContainerScenarios {
    JettyApi121OnJava25IT() {
        super(Container.JETTY_API_121, 25);
    }
}

class JettyApi120OnJava17IT extends ContainerScenarios {
    JettyApi120OnJava17IT() {
        super(Container.JETTY_API_120, 17);
    }
}

class JettyApi120OnJava25IT extends ContainerScenarios {
    JettyApi120OnJava25IT() {
        super(Container.JETTY_API_120, 25);
    }
}

class Spring7OnJetty121OnJava17IT extends ContainerScenarios {
    Spring7OnJetty121OnJava17IT() {
        super(Container.SPRING_70_JETTY, 17);
    }
}

class Spring7OnJetty121OnJava25IT extends ContainerScenarios {
    Spring7OnJetty121OnJava25IT() {
        super(Container.SPRING_70_JETTY, 25);
    }
}

class Spring53OnTomcat9OnJava17IT extends ContainerScenarios {
    Spring53OnTomcat9OnJava17IT() {
        super(Container.SPRING_53, 17);
    }
}

class Spring53OnTomcat9OnJava25IT extends ContainerScenarios {
    Spring53OnTomcat9OnJava25IT() {
        super(Container.SPRING_53, 25);
    }
}

class Spring53OnUndertow22OnJava17IT extends ContainerScenarios {
    Spring53OnUndertow22OnJava17IT() {
        super(Container.SPRING_53_UNDERTOW, 17);
    }
}

class Spring53OnUndertow22OnJava25IT extends ContainerScenarios {
    Spring53OnUndertow22OnJava25IT() {
        super(Container.SPRING_53_UNDERTOW, 25);
    }
}

class Jetty11OnJava17IT extends ContainerScenarios {
    Jetty11OnJava17IT() {
        super(Container.JETTY_11, 17);
    }
}

class Jetty11OnJava25IT extends ContainerScenarios {
    Jetty11OnJava25IT() {
        super(Container.JETTY_11, 25);
    }
}

class Jetty10JavaxOnJava17IT extends ContainerScenarios {
    Jetty10JavaxOnJava17IT() {
        super(Container.JETTY_10, 17);
    }
}

class Jetty10JavaxOnJava25IT extends ContainerScenarios {
    Jetty10JavaxOnJava25IT() {
        super(Container.JETTY_10, 25);
    }
}

class Jetty94JavaxOnJava17IT extends ContainerScenarios {
    Jetty94JavaxOnJava17IT() {
        super(Container.JETTY_94, 17);
    }
}

class Jetty94JavaxOnJava25IT extends ContainerScenarios {
    Jetty94JavaxOnJava25IT() {
        super(Container.JETTY_94, 25);
    }
}

class Spring53OnJetty94OnJava17IT extends ContainerScenarios {
    Spring53OnJetty94OnJava17IT() {
        super(Container.SPRING_53_JETTY, 17);
    }
}

class Spring53OnJetty94OnJava25IT extends ContainerScenarios {
    Spring53OnJetty94OnJava25IT() {
        super(Container.SPRING_53_JETTY, 25);
    }
}

class JettyApi94OnJava17IT extends ContainerScenarios {
    JettyApi94OnJava17IT() {
        super(Container.JETTY_API_94, 17);
    }
}

class JettyApi94OnJava25IT extends ContainerScenarios {
    JettyApi94OnJava25IT() {
        super(Container.JETTY_API_94, 25);
    }
}

class JettyApi11OnJava17IT extends ContainerScenarios {
    JettyApi11OnJava17IT() {
        super(Container.JETTY_API_11, 17);
    }
}

class JettyApi11OnJava25IT extends ContainerScenarios {
    JettyApi11OnJava25IT() {
        super(Container.JETTY_API_11, 25);
    }
}

class JettyApi10OnJava17IT extends ContainerScenarios {
    JettyApi10OnJava17IT() {
        super(Container.JETTY_API_10, 17);
    }
}

class JettyApi10OnJava25IT extends ContainerScenarios {
    JettyApi10OnJava25IT() {
        super(Container.JETTY_API_10, 25);
    }
}
