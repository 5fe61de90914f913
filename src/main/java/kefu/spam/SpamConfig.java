package kefu.spam;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires spam protection: the shared block list and the first-contact challenge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpamProperties.class)
public class SpamConfig {

    @Bean
    BlockList blockList(SpamProperties props, Clock clock) {
        return props.hasBlockList() ? new BlockList(props.blockList(), props.blockListReload(), clock)
                : BlockList.none(clock);
    }

    @Bean
    FirstContactChallenge firstContactChallenge(SpamProperties props) {
        return new FirstContactChallenge(props.challenge());
    }
}
