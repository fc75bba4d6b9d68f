package dev.flightdeck.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshConfigFileTest {

    private static final SshConfigFile CONFIG = SshConfigFile.parse(String.join("\n",
            "# operator's config",
            "Host web1 web2",
            "    HostName %h.clinic.example",
            "    User deploy",
            "    IdentityFile ~/.ssh/web_key",
            "Host *.internal !secret.internal",
            "    ProxyJump ops@bastion.clinic.example:2222",
            "Host web1",
            "    User ignored-because-first-value-wins",
            "    Port=2200",
            "Host *",
            "    IdentityFile \"~/.ssh/id with space\"",
            "    User everyone",
            ""));

    @Test
    void firstValueWinsAndIdentityFilesAccumulateAcrossMatchingBlocks() {
        SshConfigEntry web1 = CONFIG.lookup("web1");

        assertThat(web1.hostName()).contains("web1.clinic.example");
        assertThat(web1.user()).contains("deploy");
        assertThat(web1.port()).contains(2200);
        assertThat(web1.identityFiles()).containsExactly("~/.ssh/web_key", "~/.ssh/id with space");
        assertThat(web1.proxyJump()).isEmpty();
    }

    @Test
    void wildcardPatternsMatchAndNegatedPatternsExclude() {
        assertThat(CONFIG.lookup("db.internal").proxyJump()).contains("ops@bastion.clinic.example:2222");
        assertThat(CONFIG.lookup("secret.internal").proxyJump()).isEmpty();
        assertThat(CONFIG.lookup("DB.Internal").proxyJump()).as("host patterns ignore case").isPresent();
    }

    @Test
    void anUnlistedHostGetsOnlyTheCatchAllBlock() {
        SshConfigEntry other = CONFIG.lookup("other");

        assertThat(other).isEqualTo(new SshConfigEntry(Optional.empty(), Optional.empty(), Optional.of("everyone"),
                List.of("~/.ssh/id with space"), Optional.empty()));
    }

    @Test
    void proxyJumpNoneMeansNoJump() {
        SshConfigFile config = SshConfigFile.parse("Host a\n  ProxyJump none\nHost *\n  ProxyJump bastion\n");

        assertThat(config.lookup("a").proxyJump()).isEmpty();
        assertThat(config.lookup("b").proxyJump()).contains("bastion");
    }
}
