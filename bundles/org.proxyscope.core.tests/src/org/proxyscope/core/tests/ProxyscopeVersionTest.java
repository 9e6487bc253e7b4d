package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.proxyscope.core.ProxyscopeVersion;

class ProxyscopeVersionTest {

    @Test
    void splitsReleaseVersionFromBuildQualifier() {
        ProxyscopeVersion v = ProxyscopeVersion.parse("1.2.3.202611282115");
        assertEquals("1.2.3", v.version());
        assertEquals("202611282115", v.build());
        assertEquals("Proxyscope 1.2.3 (build 202611282115)", v.toString());
    }

    @Test
    void unbuiltSourcesReportDevBuild() {
        assertEquals("dev", ProxyscopeVersion.parse("0.1.0.qualifier").build());
        assertEquals("dev", ProxyscopeVersion.parse("0.1.0").build());
    }

    @Test
    void refusesWhatIsNotAnOsgiVersion() {
        assertThrows(IllegalArgumentException.class, () -> ProxyscopeVersion.parse("1.2"));
        assertThrows(IllegalArgumentException.class, () -> ProxyscopeVersion.parse(" "));
    }

    @Test
    void readsTheRunningCoreBundlesOwnVersion() {
        ProxyscopeVersion v = ProxyscopeVersion.current();
        assertEquals("0.1.0", v.version());
        // the test runtime runs the freshly built bundle, stamped with a build time by Tycho
        assertTrue(v.build().matches("\\d{12}|dev"), v.build());
    }
}
