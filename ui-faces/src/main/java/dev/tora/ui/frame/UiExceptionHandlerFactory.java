package dev.tora.ui.frame;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link UiExceptionHandler} (registered in faces-config.xml). */
public class UiExceptionHandlerFactory extends ExceptionHandlerFactory {

    /** Wraps the runtime's factory. */
    public UiExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new UiExceptionHandler(getWrapped().getExceptionHandler());
    }
}
