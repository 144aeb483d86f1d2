package com.example.exchanges.good;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application whose package holds a {@code @CommExchange} interface. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClientApplication {

}
