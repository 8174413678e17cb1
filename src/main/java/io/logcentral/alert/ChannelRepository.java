package io.logcentral.alert;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository extends EntityStore<Channel, String> {

    ChannelRepository(EntityManagerFactory factory) {
        super(factory, Channel.class);
    }
}
