package com.example.exchanges.broken;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application whose {@code @CommExchange} interface names no configured connector. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BrokenApplication {

}
