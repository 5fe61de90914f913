package kefu;

import kefu.app.CommandLine;
import kefu.app.ServingOnlyParts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ports each command serves: the management port on loopback in the serving modes only. */
class KefuApplicationDefaultsTest {

    @Test
    void theSandboxShopServesOnlyTheManagementPortOnLoopback() {
        var defaults = KefuApplication.defaults(CommandLine.parse(new String[] {"sandbox-shop", "--port", "8088"}, false),
                false);
        assertThat(defaults).containsEntry("server.port", "${kefu.management.port:9090}")
                .containsEntry("server.address", "${kefu.management.address:127.0.0.1}")
                .doesNotContainKey("management.server.port");
    }

    @Test
    void serveAndItsAliasesServeTheConsoleOnLoopbackAndHealthAndMetricsOnTheirOwnPort() {
        for (String[] args : new String[][] {{"serve"}, {"telegram"}}) {
            var defaults = KefuApplication.defaults(CommandLine.parse(args, false), false);
            assertThat(defaults).containsEntry("server.port", "${kefu.console.port:8080}")
                    .containsEntry("server.address", "${kefu.console.bind:127.0.0.1}")
                    .containsEntry("management.server.port", "${kefu.management.port:9090}")
                    .containsEntry("kefu.telegram.webhook.own-connector", "false");
        }
    }

    @Test
    void inWebhookModeTheWebhookGetsItsOwnConnectorBesideTheConsole() {
        var defaults = KefuApplication.defaults(CommandLine.parse(new String[] {}, true), true);

        assertThat(defaults).containsEntry("server.port", "${kefu.console.port:8080}")
                .containsEntry("kefu.telegram.webhook.own-connector", "true")
                .containsEntry("management.server.port", "${kefu.management.port:9090}")
                .containsEntry("management.server.address", "${kefu.management.address:127.0.0.1}");
    }

    @Test
    void shortCommandsServeNothing() {
        assertThat(KefuApplication.defaults(CommandLine.parse(new String[] {"chat", "--json"}, false), true))
                .doesNotContainKeys("server.port", "management.server.port")
                .containsEntry(ServingOnlyParts.SHORT_COMMAND, "true");
        assertThat(CommandLine.parse(new String[] {"bench"}, true).keepsRunning()).isFalse();
        assertThat(KefuApplication.defaults(CommandLine.parse(new String[] {"serve"}, false), false))
                .doesNotContainKey(ServingOnlyParts.SHORT_COMMAND);
    }
}
