import http from 'node:http';
import https from 'node:https';
import type { URL } from 'node:url';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

/**
 * electron-updater's requests over Node's http and https. Its own executor goes through Electron's `net`, which
 * the backend process (plain Node, see docs/architecture.md) does not have; electron-updater takes any executor of
 * builder-util-runtime's kind, so the download itself, its sha512 check and its progress stay electron-updater's.
 * On the department's LAN no proxy is configured.
 */
export class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return (options.protocol === 'http:' ? http.request : https.request)(options, callback);
  }

  /** The same steps as electron-updater's ElectronHttpExecutor.download, on Node's request. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}
