import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  __commonJS,
  __require,
  __toESM,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap4;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path6) {
      const ctrl = callVisitor(key2, node, visitor, path6);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path6, ctrl);
        return visit_(key2, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path6);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = visit_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path6) {
      const ctrl = await callVisitor(key2, node, visitor, path6);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path6, ctrl);
        return visitAsync_(key2, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path6);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path6) {
      if (typeof visitor === "function")
        return visitor(key2, node, path6);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path6);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path6);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path6);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path6);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path6);
      return void 0;
    }
    function replaceNode(key2, path6, node) {
      const parent = path6[path6.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit3;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit3.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit3 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit3.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path6, value) {
      let v = value;
      for (let i = path6.length - 1; i >= 0; --i) {
        const k = path6[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path6) => path6 == null || typeof path6 === "object" && !!path6[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path6, value) {
        if (isEmptyPath(path6))
          this.add(value);
        else {
          const [key2, ...rest] = path6;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        const [key2, ...rest] = path6;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        const [key2, ...rest] = path6;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path6) {
        const [key2, ...rest] = path6;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value) {
        const [key2, ...rest] = path6;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start3 = i + 1;
      let ch = text[start3];
      while (ch === " " || ch === "	") {
        if (i < start3 + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start3 = i + 1;
          ch = text[start3];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start3 = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start3 > limit)
            return true;
          start3 = i + 1;
          if (strLen - start3 <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start3 = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start3, i) + "\\ ";
          i += 1;
          start3 = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start3, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start3 = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start3, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start3 = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start3 ? str + json.slice(start3) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start3 = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start3) {
        value = value.substring(start3.length);
        start3 = start3.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start3}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start3}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start: start3, end } = flowChars;
      if (lines.length === 0) {
        return start3 + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start3;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start3}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f2 = str.substring(dot + 1).replace(/_/g, "");
          if (f2[f2.length - 1] === "0")
            node.minFractionDigits = f2.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path6, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path6, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        if (Collection.isEmptyPath(path6)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path6) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        if (Collection.isEmptyPath(path6))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path6, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path6) {
        if (Collection.isEmptyPath(path6))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path6) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value) {
        if (Collection.isEmptyPath(path6)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path6), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path6, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start3 = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start3 ?? (start3 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start3 ?? (start3 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start3 ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start: start3, key: key2, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start3, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start3[start3.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start3, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start: start3, value } of bs.items) {
        const props = resolveProps.resolveProps(start3, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start3, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start: start3, key: key2, sep, value } = collItem;
        const props = resolveProps.resolveProps(start3, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start3) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start3, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start3 = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start3, start3, start3] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start3 + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start3, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start3 + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start3, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start: start3, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start3, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start3, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start: start3, key: key2, sep, value }) {
      let res = "";
      for (const st of start3)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path6) => {
      let item = cst;
      for (const [field, index2] of path6) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index2];
        } else
          return void 0;
      }
      return item;
    };
    visit3.parentCollection = (cst, path6) => {
      const parent = visit3.itemAtPath(cst, path6.slice(0, -1));
      const field = path6[path6.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path6, item, visitor) {
      let ctrl = visitor(item, path6);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path6.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path6);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path6) : ctrl;
    }
    exports.visit = visit3;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter3 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start3 = this.lineStarts[low - 1];
          return { line: low, col: offset - start3 + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter3;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start3 = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start: start3, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start3 = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start3 = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start3.push(this.sourceToken);
                map.items.push({ start: start3 });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start3.push(this.sourceToken);
                map.items.push({ start: start3, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start4 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start4, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start3, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start4 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start4, key: key2, sep }]
                  });
                } else if (start3.length > 0) {
                  it.sep = it.sep.concat(start3, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start: start3, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start: start3, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start: start3 });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start3 = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start: start3, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start3 = getFirstKeyStartProps(prev);
            start3.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start3, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start3 = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start3, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start3, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start3.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit3 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit3.visit;
    exports.visitAsync = visit3.visitAsync;
  }
});

// src/spec/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION_PATTERN = "^(?:\\d+(?:\\.\\d+)?|(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+)$";
var WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
var BARE = /^\d+(?:\.\d+)?$/;
var MAX_DURATION_MS = 2 ** 31 - 1;
function parseDuration(text) {
  const s = String(text).trim();
  let ms;
  if (BARE.test(s)) ms = Number(s) * 1e3;
  else if (WHOLE.test(s)) {
    ms = 0;
    for (const [, n, unit] of s.matchAll(PART)) ms += Number(n) * (UNIT_MS[unit ?? ""] ?? NaN);
  } else return void 0;
  return Number.isFinite(ms) ? Math.round(ms) : void 0;
}

// src/spec/index.ts
import { readFile, stat } from "node:fs/promises";

// src/spec/load.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { existsSync as existsSync3 } from "node:fs";
import path5 from "node:path";

// src/spec/check.ts
var import_yaml = __toESM(require_dist(), 1);

// src/spec/quantity.ts
var CPU_PATTERN = "^(\\d+(?:\\.\\d+)?|\\d+m)$";
var MEMORY_PATTERN = "^(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$";
var CPU = new RegExp(CPU_PATTERN);
var MEMORY = new RegExp(MEMORY_PATTERN);
var MEMORY_FACTOR = {
  "": 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
};
function parseCpu(text) {
  const s = text.trim();
  if (!CPU.test(s)) return void 0;
  const nano = s.endsWith("m") ? Number(s.slice(0, -1)) * 1e6 : Number(s) * 1e9;
  return Number.isSafeInteger(Math.round(nano)) && nano > 0 ? Math.round(nano) : void 0;
}
function parseMemory(text) {
  const m = MEMORY.exec(text.trim());
  if (!m) return void 0;
  const bytes = Math.round(Number(m[1]) * (MEMORY_FACTOR[m[2] ?? ""] ?? NaN));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : void 0;
}
var PORT_PATTERN = "^(?:(?:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):(\\d*):)|(?:(\\d+):))?(\\d+)(?:/([tT][cC][pP]|[uU][dD][pP]))?$";
var PORT = new RegExp(PORT_PATTERN);
var portNumber = (s) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : void 0;
};
function parsePort(text) {
  const m = PORT.exec(text.trim());
  if (!m) return void 0;
  const [, ip, ipHostPort, hostPortOnly, container2, proto] = m;
  const containerPort = portNumber(container2 ?? "");
  if (containerPort === void 0) return void 0;
  const hostText = ip !== void 0 ? ipHostPort : hostPortOnly;
  const hostPort = hostText ? portNumber(hostText) : void 0;
  if (hostText && hostPort === void 0) return void 0;
  return {
    containerPort,
    ...ip !== void 0 ? { hostIp: ip.replace(/^\[|\]$/g, "") } : {},
    ...hostPort !== void 0 ? { hostPort } : {},
    ...proto ? { protocol: proto.toLowerCase() } : {}
  };
}

// src/spec/formats.ts
var byPattern = (pattern, explain) => {
  const re = new RegExp(pattern);
  return (s) => re.test(s) ? void 0 : explain(s);
};
var DNS_LABEL = "^[a-z][a-z0-9-]{0,62}$";
var FORMATS = {
  dnsLabel: {
    pattern: DNS_LABEL,
    check: byPattern(
      DNS_LABEL,
      (s) => `"${s}" is not a valid name: use 1 to 63 lowercase letters, digits and '-', starting with a letter`
    )
  },
  image: {
    pattern: "^\\S+$",
    check: byPattern("^\\S+$", (s) => `"${s}" is not an image reference (empty or contains spaces)`)
  },
  absPath: {
    pattern: "^/",
    check: byPattern("^/", (s) => `"${s}" must be an absolute path (starting with /)`)
  },
  httpPath: {
    pattern: "^/",
    check: byPattern("^/", (s) => `"${s}" must start with /`)
  },
  envName: {
    pattern: "^[^=\\s]+$",
    check: byPattern("^[^=\\s]+$", (s) => `"${s}" is not a valid environment variable name`)
  },
  capability: {
    pattern: "^[A-Za-z0-9_]+$",
    check: byPattern("^[A-Za-z0-9_]+$", (s) => `"${s}" is not a capability name (like SYS_NICE or ALL)`)
  },
  ip: {
    pattern: "^[0-9a-fA-F:.]+$",
    check: byPattern("^[0-9a-fA-F:.]+$", (s) => `"${s}" is not an IP address`)
  },
  duration: {
    pattern: DURATION_PATTERN,
    check: (s) => {
      const ms = parseDuration(s);
      if (ms === void 0)
        return `"${s}" is not a duration (examples: 500ms, 30s, 2m, 1h30m; a bare number is seconds)`;
      if (ms <= 0) return `duration "${s}" must be greater than zero`;
      if (ms > MAX_DURATION_MS) return `duration "${s}" is too long (at most 24 days)`;
      return void 0;
    }
  },
  cpu: {
    pattern: CPU_PATTERN,
    check: (s) => parseCpu(s) === void 0 ? `"${s}" is not a CPU quantity greater than zero (examples: 500m, 2, 0.5)` : void 0
  },
  memory: {
    pattern: MEMORY_PATTERN,
    check: (s) => {
      if (parseMemory(s) !== void 0) return void 0;
      const hint = /^\d+[mg]$/.test(s.trim()) ? `; write ${s.trim().slice(0, -1)}${s.trim().endsWith("m") ? "Mi" : "Gi"}` : "";
      return `"${s}" is not a byte quantity greater than zero (examples: 512Mi, 1Gi, 1G, 1000)${hint}`;
    }
  },
  port: {
    pattern: PORT_PATTERN,
    check: (s) => parsePort(s) === void 0 ? `"${s}" is not a port (examples: "3000", "13000:3000", "127.0.0.1:13000:3000", "53/udp"; ports are 1-65535)` : void 0
  }
};

// src/spec/suggest.ts
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i];
    const prev = d[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[i - 2][j - 2] + 1);
      }
      row[j] = v;
    }
  }
  return d[a.length][b.length];
}
function closest(word, candidates) {
  const lower = word.toLowerCase();
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  return bestDistance <= allowed ? best : void 0;
}
var didYouMean = (word, candidates) => {
  const c = closest(word, candidates);
  return c === void 0 ? "" : `; did you mean \`${c}\`?`;
};

// src/spec/check.ts
var objectMeta = /* @__PURE__ */ new WeakMap();
var arrayMeta = /* @__PURE__ */ new WeakMap();
var NOWHERE = { pos: { file: "", line: 1, col: 1 }, path: "" };
var locOf = (value) => (objectMeta.get(value) ?? arrayMeta.get(value))?.self ?? NOWHERE;
var has = (obj, key2) => objectMeta.get(obj)?.keys.has(key2) ?? false;
var valueLoc = (obj, key2) => objectMeta.get(obj)?.keys.get(key2)?.value ?? locOf(obj);
var keyLoc = (obj, key2) => objectMeta.get(obj)?.keys.get(key2)?.key ?? locOf(obj);
var rawValue = (obj, key2) => objectMeta.get(obj)?.keys.get(key2)?.raw;
var itemLoc = (arr, i) => arrayMeta.get(arr)?.items[i] ?? locOf(arr);
var Exhausted = class extends Error {
};
var kindOf = (node) => {
  if (node === null || node === void 0) return "nothing (null)";
  if ((0, import_yaml.isMap)(node)) return "a map";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) {
    const v = node.value;
    if (v === null || v === void 0) return "nothing (null)";
    if (typeof v === "number" || typeof v === "bigint") return "a number";
    if (typeof v === "boolean") return "a boolean";
    return "a string";
  }
  return "an unsupported YAML node";
};
var expected = (field) => {
  switch (field.type) {
    case "string":
      return "a string";
    case "scalar":
      return field.booleans ? "a string, number or boolean" : "a string or number";
    case "integer":
      return "an integer";
    case "boolean":
      return "true or false";
    case "object":
    case "record":
      return "a map";
    case "array":
      return "a list";
    case "union":
      return field.variants.map(expected).join(" or ");
  }
};
var nodeKind = (field) => field.type === "object" || field.type === "record" ? "map" : field.type === "array" ? "seq" : "scalar";
var Walker = class {
  constructor(file, doc, lines, problems, budget) {
    this.file = file;
    this.lines = lines;
    this.problems = problems;
    this.budget = budget;
    const anchors = /* @__PURE__ */ new Map();
    (0, import_yaml.visit)(doc, {
      Node: (_key, node) => {
        if ((0, import_yaml.isAlias)(node)) {
          const target = anchors.get(node.source);
          if (target) this.targets.set(node, target);
        } else if (node.anchor) anchors.set(node.anchor, node);
      }
    });
  }
  file;
  lines;
  problems;
  budget;
  /** Alias targets being expanded right now: an alias inside its own anchor would recurse forever. */
  expanding = /* @__PURE__ */ new Set();
  /** Each alias's node: the last anchor of that name before it, as YAML defines. */
  targets = /* @__PURE__ */ new Map();
  /** Checks the document's contents; undefined when the walk had to stop (the problem is reported). */
  walk(field, node) {
    try {
      return this.check(field, node, "");
    } catch (e) {
      if (e instanceof Exhausted) return void 0;
      throw e;
    }
  }
  pos(node) {
    const range = node?.range;
    const { line, col } = range ? this.lines.linePos(range[0]) : { line: 1, col: 1 };
    return { file: this.file, line, col };
  }
  report(node, path6, message) {
    this.problems.push({ pos: this.pos(node), path: path6, message });
  }
  spend(node, path6) {
    if (--this.budget >= 0) return;
    this.report(node, path6, "document too large after expanding aliases (possible alias bomb)");
    throw new Exhausted();
  }
  /** Follows aliases; undefined (reported) for an unknown or self-containing alias. */
  deref(node, path6) {
    this.spend(node, path6);
    if (!(0, import_yaml.isAlias)(node)) return { node };
    const target = this.targets.get(node);
    if (!target) {
      this.report(node, path6, `unknown alias *${node.source}`);
      return void 0;
    }
    if (this.expanding.has(target)) {
      this.report(node, path6, `alias *${node.source} refers to a node that contains it`);
      return void 0;
    }
    this.expanding.add(target);
    return { node: target, release: () => this.expanding.delete(target) };
  }
  /** `owner` positions a missing value (`key:` with nothing after it). */
  check(field, raw, path6, owner) {
    const d = this.deref(raw, path6);
    if (!d) return void 0;
    try {
      return this.checkNode(field, d.node, (0, import_yaml.isAlias)(raw) ? raw : raw ?? owner, path6);
    } finally {
      d.release?.();
    }
  }
  mismatch(field, node, at2, path6) {
    this.report(at2, path6, `expected ${expected(field)}, got ${kindOf(node)}`);
    return void 0;
  }
  checkNode(field, node, at2, path6) {
    switch (field.type) {
      case "union": {
        const kind = (0, import_yaml.isMap)(node) ? "map" : (0, import_yaml.isSeq)(node) ? "seq" : "scalar";
        const variant = field.variants.find((v) => nodeKind(v) === kind) ?? ((0, import_yaml.isScalar)(node) && node.value === null ? field.variants.find((v) => v.type === "object" && v.nullable) : void 0);
        return variant ? this.checkNode(variant, node, at2, path6) : this.mismatch(field, node, at2, path6);
      }
      case "object":
        if ((0, import_yaml.isScalar)(node) && node.value === null && field.nullable) return this.register({}, node, path6);
        return (0, import_yaml.isMap)(node) ? this.object(field, node, path6) : this.mismatch(field, node, at2, path6);
      case "record":
        return (0, import_yaml.isMap)(node) ? this.object(field, node, path6) : this.mismatch(field, node, at2, path6);
      case "array": {
        if (!(0, import_yaml.isSeq)(node)) return this.mismatch(field, node, at2, path6);
        const out = [];
        const items = [];
        node.items.forEach((item, i) => {
          const itemPath = `${path6}[${i}]`;
          const v = this.check(field.items, item, itemPath);
          if (v === void 0) return;
          out.push(v);
          items.push({ pos: this.pos(item), path: itemPath });
        });
        if (field.minItems !== void 0 && node.items.length < field.minItems) {
          this.report(
            at2,
            path6,
            `must have at least ${field.minItems} item${field.minItems === 1 ? "" : "s"}`
          );
          return void 0;
        }
        arrayMeta.set(out, { self: { pos: this.pos(at2), path: path6 }, items });
        return out;
      }
      case "boolean":
        return (0, import_yaml.isScalar)(node) && typeof node.value === "boolean" ? node.value : this.mismatch(field, node, at2, path6);
      case "integer": {
        const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
        if (typeof v !== "number" || !Number.isInteger(v)) return this.mismatch(field, node, at2, path6);
        if (field.minimum !== void 0 && v < field.minimum) {
          this.report(at2, path6, `must be at least ${field.minimum}, got ${v}`);
          return void 0;
        }
        if (field.maximum !== void 0 && v > field.maximum) {
          this.report(at2, path6, `must be at most ${field.maximum}, got ${v}`);
          return void 0;
        }
        return v;
      }
      case "scalar": {
        const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
        let text;
        if (typeof v === "string") text = v;
        else if (typeof v === "number" || typeof v === "bigint")
          text = node.source ?? String(v);
        else if (typeof v === "boolean" && field.booleans) text = String(v);
        else return this.mismatch(field, node, at2, path6);
        return this.format(field.format, text, at2, path6);
      }
      case "string": {
        const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
        if (typeof v !== "string") return this.mismatch(field, node, at2, path6);
        if (field.minLength !== void 0 && v.length < field.minLength) {
          this.report(at2, path6, "must not be empty");
          return void 0;
        }
        if (field.enum) return this.enumValue(field.enum, field, v, at2, path6);
        return this.format(field.format, v, at2, path6);
      }
    }
  }
  enumValue(values, field, v, at2, path6) {
    const match = (s) => field.caseInsensitive ? s.toLowerCase() === v.toLowerCase() : s === v;
    const hit = values.find(match) ?? Object.entries(field.aliases ?? {}).find(([alias]) => match(alias))?.[1];
    if (hit !== void 0) return hit;
    this.report(at2, path6, `"${v}" is not one of ${values.join(", ")}${didYouMean(v, values)}`);
    return void 0;
  }
  format(name, text, at2, path6) {
    const problem = name && FORMATS[name].check(text);
    if (!problem) return text;
    this.report(at2, path6, problem);
    return void 0;
  }
  register(obj, node, path6) {
    objectMeta.set(obj, { self: { pos: this.pos(node), path: path6 }, keys: /* @__PURE__ */ new Map() });
    return obj;
  }
  object(field, node, path6) {
    const out = this.register({}, node, path6);
    const keys = objectMeta.get(out).keys;
    for (const { key: key2, value, merged } of this.pairs(node, path6)) {
      const name = (0, import_yaml.isScalar)(key2) && (typeof key2.value === "string" || typeof key2.value === "number") ? String(key2.value) : void 0;
      if (name === void 0) {
        this.report(key2 ?? value ?? node, path6, `expected a plain name as a key, got ${kindOf(key2)}`);
        continue;
      }
      if (keys.has(name)) {
        if (!merged) this.report(key2, path6 ? `${path6}.${name}` : name, `duplicate key \`${name}\``);
        continue;
      }
      const childPath = path6 ? `${path6}.${name}` : name;
      const resolved = (0, import_yaml.isAlias)(value) ? this.targets.get(value) : value;
      keys.set(name, {
        key: { pos: this.pos(key2), path: childPath },
        value: { pos: this.pos(value ?? key2), path: childPath },
        raw: (0, import_yaml.isScalar)(resolved) ? resolved.value : void 0
      });
      let child;
      if (field.type === "record") {
        child = field.values;
        const bad = field.keyFormat && FORMATS[field.keyFormat].check(name);
        if (bad) {
          this.report(key2, childPath, bad);
          continue;
        }
      } else {
        child = field.fields[name];
        if (!child) {
          this.report(
            key2,
            childPath,
            `unknown field \`${name}\`${didYouMean(name, Object.keys(field.fields))}`
          );
          continue;
        }
      }
      const v = this.check(child, value ?? null, childPath, key2);
      if (v !== void 0) out[name] = v;
    }
    if (field.type === "object") {
      for (const req of field.required ?? []) {
        if (!keys.has(req)) this.report(node, path6, `missing required field \`${req}\``);
      }
    }
    return out;
  }
  /** The map's pairs with `<<` merges expanded: own keys first, then merged ones in order. */
  pairs(node, path6) {
    const own = [];
    const merged = [];
    for (const pair of node.items) {
      if ((0, import_yaml.isScalar)(pair.key) && typeof pair.key.value === "symbol") {
        const sources = (0, import_yaml.isSeq)(pair.value) ? pair.value.items : [pair.value];
        for (const s of sources) {
          const d = this.deref(s, path6);
          if (!d) continue;
          try {
            if ((0, import_yaml.isMap)(d.node)) {
              for (const p of this.pairs(d.node, path6)) {
                this.spend(s, path6);
                merged.push({ ...p, merged: true });
              }
            } else this.report(s, path6, `\`<<\` merges maps only, got ${kindOf(d.node)}`);
          } finally {
            d.release?.();
          }
        }
      } else own.push({ key: pair.key, value: pair.value, merged: false });
    }
    return [...own, ...merged];
  }
};

// src/spec/fields.ts
var KINDS = ["Service", "Job"];
var f = (field) => field;
var dnsLabel = (description) => f({ type: "string", format: "dnsLabel", description });
var port = (description) => f({ type: "integer", minimum: 1, maximum: 65535, description });
var stringOrList = (description, minItems) => f({
  type: "union",
  description,
  variants: [
    { type: "string", minLength: minItems },
    { type: "array", items: { type: "scalar", booleans: true }, minItems }
  ]
});
var securityContext = f({
  type: "object",
  description: "Replaces the parent service block wholesale when set on a step.",
  fields: {
    seccompProfile: {
      type: "object",
      required: ["type"],
      fields: {
        type: {
          type: "string",
          enum: ["Unconfined", "RuntimeDefault", "Localhost"],
          caseInsensitive: true,
          aliases: { default: "RuntimeDefault" },
          description: "Any case; `default` means RuntimeDefault. Unconfined needs allow-privileged."
        },
        localhostProfile: {
          type: "string",
          format: "absPath",
          description: "Absolute path of the profile on the host (type Localhost only); outside the workspace, or allowing by default, needs allow-privileged."
        }
      }
    },
    capAdd: {
      type: "array",
      items: { type: "string", format: "capability" },
      description: "Any case, `CAP_` optional. ALL, SYS_ADMIN and others that reach the host need allow-privileged."
    },
    capDrop: { type: "array", items: { type: "string", format: "capability" } },
    privileged: { type: "boolean", description: "Needs allow-privileged." }
  }
});
var resources = f({
  type: "object",
  description: "Replaces the parent service block wholesale when set on a step.",
  fields: {
    limits: {
      type: "object",
      fields: {
        cpu: { type: "scalar", format: "cpu", description: "CPUs: 500m, 2, 0.5." },
        memory: { type: "scalar", format: "memory", description: "Bytes: 512Mi, 1Gi, 1G, 1000." }
      }
    }
  }
});
var env = f({
  type: "union",
  description: "A map, or a list of {name, value} / {name, valueFrom: {env: VAR}}. Steps merge over the parent.",
  variants: [
    { type: "record", keyFormat: "envName", values: { type: "scalar", booleans: true } },
    {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        fields: {
          name: { type: "string", format: "envName" },
          value: { type: "scalar", booleans: true },
          valueFrom: {
            type: "object",
            required: ["env"],
            description: "Taken from the environment of the run; masked in logs.",
            fields: { env: { type: "string", format: "envName", description: "Variable name." } }
          }
        }
      }
    }
  ]
});
var group = (description) => f({ type: "integer", minimum: 0, description });
var matcherPattern = f({
  type: "object",
  required: ["regexp"],
  fields: {
    regexp: {
      type: "string",
      minLength: 1,
      description: "A JavaScript regular expression matched against each line of output (colours removed)."
    },
    file: group("Group with the file path."),
    line: group("Group with the line number."),
    column: group("Group with the column."),
    severity: group("Group with the severity: error, warning or notice."),
    code: group("Group with the error code."),
    message: group("Group with the message; some pattern must set it."),
    fromPath: group("Group with a file that relative paths are resolved against."),
    loop: {
      type: "boolean",
      description: "Last pattern of several only: it repeats, one problem per matching line."
    }
  }
});
var PROBLEM_MATCHER = f({
  type: "object",
  required: ["owner", "pattern"],
  fields: {
    owner: {
      type: "string",
      minLength: 1,
      description: "Unique name; a step's matcher replaces the service's of the same owner."
    },
    severity: {
      type: "string",
      enum: ["error", "warning", "notice"],
      caseInsensitive: true,
      description: "Default error."
    },
    pattern: { type: "array", items: matcherPattern, minItems: 1 }
  }
});
var MATCHER_FILE = f({
  type: "object",
  required: ["problemMatcher"],
  description: "A problem-matcher file as GitHub reads it.",
  fields: { problemMatcher: { type: "array", items: PROBLEM_MATCHER } }
});
var matcherPath = f({
  type: "string",
  minLength: 1,
  description: "A JSON problem-matcher file in the workspace, relative to the spec file."
});
var containerFields = {
  image: f({
    type: "string",
    format: "image",
    description: "Required for runtime container; steps inherit it. Must be empty for runtime process."
  }),
  command: stringOrList("Replaces the image ENTRYPOINT. Never inherited.", 1),
  args: stringOrList("Replaces the image CMD. Never inherited.", 0),
  workingDir: f({ type: "string", minLength: 1 }),
  user: f({ type: "scalar", description: "user, uid or uid:gid" }),
  env,
  securityContext,
  resources,
  problemMatchers: f({
    type: "union",
    description: "Read a failed step's output for file:line problems (GitHub problem-matcher shape): a list of matchers or matcher files, or one file. Service-level ones apply to every step.",
    variants: [
      matcherPath,
      { type: "array", items: { type: "union", variants: [matcherPath, PROBLEM_MATCHER] } }
    ]
  })
};
var volume = f({
  type: "object",
  required: ["name", "mountPath"],
  description: "Exactly one of claimTemplate, hostPath, emptyDir.",
  fields: {
    name: dnsLabel("Volume name, referenced by init steps."),
    mountPath: { type: "string", format: "absPath" },
    readOnly: { type: "boolean" },
    claimTemplate: {
      type: "object",
      nullable: true,
      description: "Persistent: one Docker volume per instance; init steps stamp markers on it.",
      fields: {
        spec: {
          type: "object",
          nullable: true,
          fields: { capacity: { type: "scalar", format: "memory" } }
        }
      }
    },
    hostPath: {
      type: "string",
      minLength: 1,
      description: "Relative to the spec file; outside the workspace needs allow-privileged."
    },
    emptyDir: { type: "object", nullable: true, fields: {}, description: "Per run, removed on down." }
  }
});
var pullPolicy = (description) => f({ type: "string", enum: ["Always", "IfNotPresent", "Never"], description });
var probe = f({
  type: "object",
  description: "Exactly one of exec, tcpSocket, httpGet, grpc.",
  fields: {
    exec: {
      type: "object",
      required: ["command"],
      fields: { command: stringOrList("Run in the container.", 1) }
    },
    tcpSocket: {
      type: "object",
      required: ["port"],
      fields: { port: port("Container port."), host: { type: "string" } }
    },
    httpGet: {
      type: "object",
      required: ["port"],
      fields: {
        port: port("Container port."),
        path: { type: "string", format: "httpPath", description: "Default /." },
        scheme: {
          type: "string",
          enum: ["http", "https"],
          caseInsensitive: true,
          description: "Default http."
        },
        host: { type: "string" }
      }
    },
    grpc: {
      type: "object",
      required: ["port"],
      description: "grpc.health.v1.Health/Check over plain HTTP/2 (no TLS); passes on SERVING.",
      fields: {
        port: port("Container port."),
        service: { type: "string", description: 'The service asked about; default "" (the server).' }
      }
    },
    initialDelaySeconds: { type: "integer", minimum: 0, description: "Default 0." },
    periodSeconds: { type: "integer", minimum: 1, description: "Default 10." },
    timeoutSeconds: { type: "integer", minimum: 1, description: "Default 1." },
    failureThreshold: { type: "integer", minimum: 1, description: "Default 3." },
    successThreshold: {
      type: "integer",
      minimum: 1,
      description: "Passes in a row that make it pass; default 1 (a startupProbe or livenessProbe: 1 only)."
    },
    terminationGracePeriodSeconds: {
      type: "integer",
      minimum: 1,
      description: "A startupProbe or livenessProbe: seconds between the stop signal and SIGKILL when its failure restarts the container; default 30."
    }
  }
});
var initStep = f({
  type: "object",
  required: ["name"],
  fields: {
    name: dnsLabel("Unique within the service."),
    ...containerFields,
    imagePullPolicy: pullPolicy("Default: the service's."),
    volumes: {
      type: "array",
      items: { type: "string", format: "dnsLabel" },
      description: "Parent volume names to mount; omitted: all of them; []: none."
    },
    runIf: {
      type: "object",
      fields: {
        type: {
          type: "string",
          enum: ["freshVolume", "fileMissing", "always"],
          description: "Default freshVolume."
        },
        path: { type: "string", format: "absPath", description: "fileMissing: a path on a mounted volume." },
        volume: { type: "string", format: "dnsLabel", description: "Restrict to this mounted volume." }
      }
    },
    timeout: { type: "scalar", format: "duration", description: "Per attempt; default 5m." },
    restartPolicy: {
      type: "string",
      enum: ["OnFailure", "Never", "Always"],
      description: "Default OnFailure (3 attempts); Never: one attempt. Always: a native sidecar, started here and kept running (runtime container only)."
    },
    startupProbe: {
      ...probe,
      description: `restartPolicy Always (a sidecar) only: the next step starts once it passed. ${probe.description}`
    },
    retries: { type: "integer", minimum: 0, maximum: 100, description: "Retries after the first attempt." },
    backoff: backoff("Between attempts: base, doubling, at most cap.")
  }
});
function backoff(description) {
  return f({
    type: "object",
    description,
    fields: {
      base: { type: "scalar", format: "duration", description: "The first wait; default 1s." },
      cap: { type: "scalar", format: "duration", description: "The longest wait; default 10s." }
    }
  });
}
var serviceOnly = (why) => ({ kind: "Service", why });
var JOB_ONLY = {
  kind: "Job",
  why: "only a job's container runs to completion (a service's runs until `down`)"
};
var SERVICE_DOCUMENT = f({
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  description: "One initsteps service or job (one per YAML document).",
  fields: {
    apiVersion: { type: "string", enum: ["initsteps/v1", "v1"] },
    kind: {
      type: "string",
      enum: KINDS,
      description: "Service: runs until `down`. Job: its container runs to completion on every `up`."
    },
    metadata: {
      type: "object",
      required: ["name"],
      fields: {
        name: dnsLabel(
          "Service or job name, unique in the project; instances are <name>-0 .. <name>-(replicas-1)."
        )
      }
    },
    spec: {
      type: "object",
      fields: {
        ...containerFields,
        imagePullPolicy: pullPolicy("Default IfNotPresent. Steps take it unless they set their own."),
        runtime: { type: "string", enum: ["container", "process"], description: "Default container." },
        replicas: {
          type: "integer",
          minimum: 1,
          maximum: 100,
          description: "Default 1.",
          onlyFor: serviceOnly("a job runs one instance (<name>-0)")
        },
        podManagementPolicy: {
          type: "string",
          enum: ["OrderedReady", "Parallel"],
          description: "Default OrderedReady: each instance is ready before the next one initializes. Parallel: all at once.",
          onlyFor: serviceOnly("a job runs one instance (<name>-0)")
        },
        ports: {
          type: "array",
          onlyFor: serviceOnly("a job runs to completion and publishes no ports"),
          items: {
            type: "union",
            variants: [
              { type: "scalar", format: "port" },
              {
                type: "object",
                required: ["containerPort"],
                fields: {
                  containerPort: port("Port inside the container."),
                  hostPort: port("Default: a random free port."),
                  hostIP: { type: "string", format: "ip", description: "Default 127.0.0.1." },
                  protocol: { type: "string", enum: ["tcp", "udp"], caseInsensitive: true }
                }
              }
            ]
          }
        },
        dependsOn: {
          type: "array",
          items: { type: "string", format: "dnsLabel" },
          description: "Services (ready) and jobs (succeeded) this one waits for before it initializes."
        },
        readinessProbe: {
          ...probe,
          onlyFor: serviceOnly("a job is done when its container exits 0")
        },
        startupProbe: {
          ...probe,
          description: `Readiness and liveness wait until it passed; failing, it restarts the main container. ${probe.description}`,
          onlyFor: serviceOnly("a job's container runs to completion")
        },
        livenessProbe: {
          ...probe,
          description: `Watched while \`up\` runs; failing, it restarts the main container. ${probe.description}`,
          onlyFor: serviceOnly("a job's container runs to completion")
        },
        volumes: { type: "array", items: volume },
        initSteps: { type: "array", items: initStep },
        restartPolicy: {
          type: "string",
          enum: ["OnFailure", "Never"],
          description: "The job's container: default OnFailure (3 attempts); Never: one attempt.",
          onlyFor: JOB_ONLY
        },
        retries: {
          type: "integer",
          minimum: 0,
          maximum: 100,
          description: "Retries of the job's container after its first attempt, whatever restartPolicy says.",
          onlyFor: JOB_ONLY
        },
        backoffLimit: {
          type: "integer",
          minimum: 0,
          maximum: 100,
          description: "Kubernetes' name for retries (set one of them).",
          onlyFor: JOB_ONLY
        },
        timeout: {
          type: "scalar",
          format: "duration",
          description: "Per attempt of the job's container; default 5m.",
          onlyFor: JOB_ONLY
        },
        backoff: {
          ...backoff("Between attempts of the job's container: base, doubling, at most cap."),
          onlyFor: JOB_ONLY
        },
        activeDeadlineSeconds: {
          type: "integer",
          minimum: 1,
          description: "The whole job, init steps and retries included; default none.",
          onlyFor: JOB_ONLY
        }
      }
    }
  }
});

// src/spec/resolve.ts
import path2 from "node:path";

// src/spec/matchers.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { realpathSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
var MAX_MATCHER_FILE_BYTES = 256 * 1024;
var GROUP_FIELDS = ["file", "line", "column", "severity", "code", "message", "fromPath"];
var groupCount = (regexp) => (new RegExp(`${regexp}|`).exec("")?.length ?? 1) - 1;
var realOrResolved = (p) => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};
var MatcherFiles = class {
  constructor(problems, workspace) {
    this.problems = problems;
    this.workspace = workspace;
  }
  problems;
  workspace;
  /** Checked matchers by the file's absolute path; a file with problems maps to none. */
  files = /* @__PURE__ */ new Map();
  report(loc, message) {
    this.problems.push({ pos: loc.pos, path: loc.path, message });
  }
  /** Checks a `problemMatchers` value of a spec file (`specFile` as given, `specAbs` absolute). */
  check(raw, loc, specFile, specAbs) {
    const items = typeof raw === "string" ? [{ item: raw, loc }] : raw.map((item, i) => ({ item, loc: itemLoc(raw, i) }));
    const owners = /* @__PURE__ */ new Map();
    for (const { item, loc: at2 } of items) {
      const matchers = typeof item === "string" ? this.file(item, at2, specFile, specAbs) : (this.matcher(item), [item]);
      const names = new Set(matchers.flatMap((m) => m.owner === void 0 ? [] : [m.owner.toLowerCase()]));
      for (const name of names) {
        const first = owners.get(name);
        const where2 = typeof item === "string" ? at2 : valueLoc(item, "owner");
        if (first) {
          this.report(
            where2,
            `duplicate problem matcher owner "${name}" (first at ${first.pos.file}:${first.pos.line})`
          );
        } else owners.set(name, where2);
      }
    }
  }
  /** One matcher's rules, as the runner applies them to a matcher file (docs/spec.md#problem-matchers). */
  matcher(m) {
    const patterns = m.pattern ?? [];
    const setBy = /* @__PURE__ */ new Map();
    patterns.forEach((p, i) => this.pattern(p, i, patterns.length, setBy));
    const written = patterns.some((p) => has(p, "message") || p.loop === true);
    if (m.pattern !== void 0 && !written) {
      this.report(valueLoc(m, "pattern"), "no pattern sets `message`: a problem needs one");
    }
  }
  pattern(p, index2, count, setBy) {
    let groups;
    if (p.regexp !== void 0) {
      try {
        groups = groupCount(p.regexp);
      } catch (e) {
        this.report(valueLoc(p, "regexp"), `not a valid regular expression: ${errorMessage(e)}`);
      }
    }
    for (const field of GROUP_FIELDS) {
      const group2 = p[field];
      if (group2 === void 0) continue;
      const first = setBy.get(field);
      if (first !== void 0) {
        this.report(valueLoc(p, field), `\`${field}\` is already set by pattern ${first + 1}; set it once`);
        continue;
      }
      setBy.set(field, index2);
      if (groups !== void 0 && group2 > groups) {
        this.report(
          valueLoc(p, field),
          `group ${group2} does not exist: the regexp has ${groups} capture group${groups === 1 ? "" : "s"}`
        );
      }
    }
    if (p.loop === true) {
      if (count === 1 || index2 !== count - 1) {
        this.report(keyLoc(p, "loop"), "only the last of several patterns may set `loop`");
      } else if (p.message === void 0) {
        this.report(
          keyLoc(p, "loop"),
          "a `loop` pattern must set `message` (each line it matches is a problem)"
        );
      }
    }
  }
  /** A matcher file, checked once; its matchers (none when it has problems, which are reported). */
  file(value, loc, specFile, specAbs) {
    const abs = path.resolve(path.dirname(specAbs), value);
    const known = this.files.get(abs);
    if (known) return known;
    this.files.set(abs, []);
    const display = path.join(path.dirname(specFile), value);
    let real;
    try {
      real = realpathSync(abs);
    } catch {
      this.report(loc, `problem-matcher file ${value} does not exist (${abs})`);
      return [];
    }
    const rel = path.relative(realOrResolved(this.workspace), real);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      this.report(
        loc,
        `problem-matcher file ${value} resolves outside the workspace ${this.workspace} (${real})`
      );
      return [];
    }
    const text = readMatcherFile(real);
    if (typeof text !== "string") {
      this.report(loc, `problem-matcher file ${value} ${text.problem}`);
      return [];
    }
    try {
      JSON.parse(text);
    } catch (e) {
      this.report(loc, `problem-matcher file ${value} is not valid JSON: ${errorMessage(e)}`);
      return [];
    }
    const lines = new import_yaml2.LineCounter();
    const doc = (0, import_yaml2.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      this.report(loc, `problem-matcher file ${value} cannot be parsed: ${doc.errors[0]?.message ?? ""}`);
      return [];
    }
    const before = this.problems.length;
    const walker = new Walker(display, doc, lines, this.problems, text.length + 1e3);
    const checked = walker.walk(MATCHER_FILE, doc.contents);
    const matchers = checked?.problemMatcher ?? [];
    const owners = /* @__PURE__ */ new Map();
    for (const m of matchers) {
      this.matcher(m);
      if (m.owner === void 0) continue;
      const first = owners.get(m.owner.toLowerCase());
      if (first) {
        this.report(
          valueLoc(m, "owner"),
          `duplicate problem matcher owner "${m.owner}" (first at line ${first.pos.line})`
        );
      } else owners.set(m.owner.toLowerCase(), valueLoc(m, "owner"));
    }
    const ok = this.problems.length === before;
    this.files.set(abs, ok ? matchers : []);
    return ok ? matchers : [];
  }
};
function readMatcherFile(file) {
  try {
    const st = statSync(file);
    if (!st.isFile()) return { problem: "is not a regular file" };
    if (st.size > MAX_MATCHER_FILE_BYTES) {
      return { problem: `is larger than ${MAX_MATCHER_FILE_BYTES / 1024} KiB` };
    }
    return readFileSync(file, "utf8");
  } catch (e) {
    return { problem: `cannot be read: ${errorMessage(e)}` };
  }
}
var toMatcher = (m) => ({
  owner: m.owner ?? "",
  ...m.severity !== void 0 ? { severity: m.severity } : {},
  patterns: (m.pattern ?? []).map((p) => {
    const out = { regexp: p.regexp ?? "", loop: p.loop ?? false };
    for (const field of GROUP_FIELDS) if (p[field] !== void 0) out[field] = p[field];
    return out;
  })
});
function resolveMatchers(raw, specAbs, files2) {
  if (raw === void 0) return [];
  const items = typeof raw === "string" ? [raw] : raw;
  return items.flatMap(
    (item) => typeof item === "string" ? (files2.get(path.resolve(path.dirname(specAbs), item)) ?? []).map(toMatcher) : [toMatcher(item)]
  );
}
function mergeMatchers(own, parent) {
  const owners = new Set(own.map((m) => m.owner.toLowerCase()));
  return [...own, ...parent.filter((m) => !owners.has(m.owner.toLowerCase()))];
}

// src/spec/runner-env.ts
var RUNNER_PREFIXES = ["ACTIONS_", "INPUT_", "STATE_"];
var RUNNER_FILES = /* @__PURE__ */ new Set([
  "GITHUB_ENV",
  "GITHUB_OUTPUT",
  "GITHUB_PATH",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
]);
function isRunnerVariable(name) {
  const upper = name.toUpperCase();
  return RUNNER_FILES.has(upper) || RUNNER_PREFIXES.some((p) => upper.startsWith(p));
}
function withoutRunnerVariables(env3) {
  const out = {};
  for (const [name, value] of Object.entries(env3)) {
    if (value !== void 0 && !isRunnerVariable(name)) out[name] = value;
  }
  return out;
}

// src/spec/resolve.ts
var DEFAULTS = {
  stepTimeoutMs: 5 * 6e4,
  onFailureAttempts: 3,
  hostIp: "127.0.0.1",
  probe: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }
};
var list = (v) => v === void 0 ? void 0 : typeof v === "string" ? [v] : v;
function envVars(raw, source) {
  if (raw === void 0) return [];
  if (!Array.isArray(raw))
    return Object.entries(raw).map(([name, value]) => ({ name, value, secret: false }));
  return raw.map((item) => {
    const from = item.valueFrom?.env;
    return from !== void 0 ? {
      name: item.name ?? "",
      value: (isRunnerVariable(from) ? void 0 : source[from]) ?? "",
      secret: true
    } : { name: item.name ?? "", value: item.value ?? "", secret: false };
  });
}
function mergeEnv(parent, child) {
  const byName = new Map(parent.map((e) => [e.name, e]));
  for (const e of child) byName.set(e.name, e);
  return [...byName.values()];
}
var matchersField = (list2) => list2.length > 0 ? { problemMatchers: list2 } : {};
function securityContext2(raw, profiles) {
  const seccomp2 = raw?.seccompProfile;
  const file = seccomp2?.type === "Localhost" ? seccomp2.localhostProfile : void 0;
  const profile = file === void 0 ? void 0 : profiles.get(file);
  return {
    ...seccomp2?.type ? {
      seccompProfile: {
        type: seccomp2.type,
        ...seccomp2.localhostProfile !== void 0 ? { localhostProfile: seccomp2.localhostProfile } : {},
        ...profile !== void 0 ? { profile } : {}
      }
    } : {},
    capAdd: raw?.capAdd ?? [],
    capDrop: raw?.capDrop ?? [],
    privileged: raw?.privileged ?? false
  };
}
function resources2(raw) {
  const cpu = raw?.limits?.cpu;
  const memory = raw?.limits?.memory;
  return {
    ...cpu !== void 0 ? { nanoCpus: parseCpu(cpu) } : {},
    ...memory !== void 0 ? { memoryBytes: parseMemory(memory) } : {}
  };
}
function volumes(spec, specDir) {
  return (spec.volumes ?? []).map((v) => {
    const capacity = v.claimTemplate?.spec?.capacity;
    const source = v.hostPath !== void 0 ? { kind: "hostPath", path: path2.resolve(specDir, v.hostPath) } : v.emptyDir !== void 0 ? { kind: "emptyDir" } : { kind: "claim", ...capacity !== void 0 ? { capacityBytes: parseMemory(capacity) } : {} };
    return { name: v.name ?? "", mountPath: v.mountPath ?? "", readOnly: v.readOnly ?? false, source };
  });
}
function ports(spec) {
  return (spec.ports ?? []).map((p) => {
    const parsed = typeof p === "string" ? parsePort(p) : {
      containerPort: p.containerPort ?? 0,
      hostIp: p.hostIP,
      hostPort: p.hostPort,
      protocol: p.protocol
    };
    return {
      containerPort: parsed?.containerPort ?? 0,
      hostIp: parsed?.hostIp ?? DEFAULTS.hostIp,
      ...parsed?.hostPort !== void 0 ? { hostPort: parsed.hostPort } : {},
      protocol: parsed?.protocol ?? "tcp"
    };
  });
}
function probe2(raw) {
  if (!raw) return void 0;
  const d = DEFAULTS.probe;
  let check;
  if (raw.exec) check = { kind: "exec", command: list(raw.exec.command) ?? [] };
  else if (raw.tcpSocket) {
    const { port: port2 = 0, host } = raw.tcpSocket;
    check = { kind: "tcpSocket", port: port2, ...host !== void 0 ? { host } : {} };
  } else if (raw.grpc) {
    check = { kind: "grpc", port: raw.grpc.port ?? 0, service: raw.grpc.service ?? "" };
  } else {
    const { port: port2 = 0, path: p = "/", scheme = "http", host } = raw.httpGet ?? {};
    check = { kind: "httpGet", port: port2, path: p, scheme, ...host !== void 0 ? { host } : {} };
  }
  return {
    check,
    initialDelayMs: (raw.initialDelaySeconds ?? d.initialDelaySeconds) * 1e3,
    periodMs: (raw.periodSeconds ?? d.periodSeconds) * 1e3,
    timeoutMs: (raw.timeoutSeconds ?? d.timeoutSeconds) * 1e3,
    failureThreshold: raw.failureThreshold ?? d.failureThreshold,
    ...raw.successThreshold !== void 0 && raw.successThreshold > 1 && { successThreshold: raw.successThreshold },
    ...raw.terminationGracePeriodSeconds !== void 0 && {
      terminationGraceSeconds: raw.terminationGracePeriodSeconds
    }
  };
}
function runIf(raw) {
  const volume2 = raw?.volume !== void 0 ? { volume: raw.volume } : {};
  switch (raw?.type ?? "freshVolume") {
    case "always":
      return { type: "always" };
    case "fileMissing":
      return { type: "fileMissing", path: raw?.path ?? "", ...volume2 };
    case "freshVolume":
      return { type: "freshVolume", ...volume2 };
  }
}
var workingDir = (dir, process2, specDir) => dir === void 0 ? {} : { workingDir: process2 ? path2.resolve(specDir, dir) : dir };
var attemptsOf = (restartPolicy, retries2) => retries2 !== void 0 ? retries2 + 1 : restartPolicy === "Never" ? 1 : DEFAULTS.onFailureAttempts;
var timeoutOf = (raw) => raw !== void 0 ? parseDuration(raw) ?? DEFAULTS.stepTimeoutMs : DEFAULTS.stepTimeoutMs;
function backoffOf(raw) {
  const baseMs = raw?.base === void 0 ? void 0 : parseDuration(raw.base);
  const capMs = raw?.cap === void 0 ? void 0 : parseDuration(raw.cap);
  if (baseMs === void 0 && capMs === void 0) return {};
  return {
    backoff: { ...baseMs !== void 0 && { baseMs }, ...capMs !== void 0 && { capMs } }
  };
}
function job(raw, spec) {
  const restartPolicy = spec.restartPolicy ?? "OnFailure";
  const at2 = (key2) => has(spec, key2) ? keyLoc(spec, key2).pos : void 0;
  const deadline = spec.activeDeadlineSeconds;
  return {
    restartPolicy,
    attempts: attemptsOf(restartPolicy, spec.retries ?? spec.backoffLimit),
    timeoutMs: timeoutOf(spec.timeout),
    ...backoffOf(spec.backoff),
    ...deadline !== void 0 && { activeDeadlineMs: deadline * 1e3 },
    pos: at2("command") ?? at2("args") ?? locOf(raw).pos
  };
}
function stepContainer(raw, p) {
  const parent = p.spec;
  const mounts2 = raw.volumes === void 0 ? parent.volumes : parent.volumes.filter((v) => raw.volumes?.includes(v.name));
  const command = list(raw.command);
  const args = list(raw.args);
  const image = raw.image ?? parent.image;
  return {
    ...image !== void 0 ? { image } : {},
    ...command ? { command } : {},
    ...args ? { args } : {},
    ...raw.workingDir !== void 0 ? workingDir(raw.workingDir, p.process, path2.dirname(p.specAbs)) : parent.workingDir !== void 0 ? { workingDir: parent.workingDir } : {},
    ...(raw.user ?? parent.user) !== void 0 ? { user: raw.user ?? parent.user } : {},
    env: mergeEnv(parent.env, envVars(raw.env, p.envSource)),
    volumes: mounts2,
    securityContext: raw.securityContext ? securityContext2(raw.securityContext, p.checked.profiles) : parent.securityContext,
    resources: raw.resources ? resources2(raw.resources) : parent.resources,
    ...matchersField(
      mergeMatchers(
        resolveMatchers(raw.problemMatchers, p.specAbs, p.checked.matchers),
        parent.problemMatchers ?? []
      )
    )
  };
}
function step(raw, restartPolicy, index2, p) {
  const attempts = restartPolicy === "Never" ? 1 : attemptsOf(restartPolicy, raw.retries);
  return {
    name: raw.name ?? "",
    index: index2,
    pos: locOf(raw).pos,
    ...stepContainer(raw, p),
    runIf: runIf(raw.runIf),
    timeoutMs: timeoutOf(raw.timeout),
    attempts,
    restartPolicy,
    ...backoffOf(raw.backoff),
    pullPolicy: raw.imagePullPolicy ?? p.pullPolicy
  };
}
function sidecar(raw, afterSteps, p) {
  const startupProbe = probe2(raw.startupProbe);
  return {
    name: raw.name ?? "",
    afterSteps,
    pos: locOf(raw).pos,
    ...stepContainer(raw, p),
    pullPolicy: raw.imagePullPolicy ?? p.pullPolicy,
    ...startupProbe && { startupProbe }
  };
}
function stepsAndSidecars(raws, p) {
  const steps = [];
  const sidecars = [];
  for (const raw of raws) {
    const policy = raw.restartPolicy ?? "OnFailure";
    if (policy === "Always") sidecars.push(sidecar(raw, steps.length, p));
    else steps.push(step(raw, policy, steps.length, p));
  }
  return { steps, sidecars };
}
var instanceEnv = (service2, ordinal) => [
  { name: "INITSTEPS_SERVICE", value: service2, secret: false },
  { name: "INITSTEPS_INSTANCE", value: `${service2}-${ordinal}`, secret: false },
  { name: "INITSTEPS_REPLICA_ORDINAL", value: String(ordinal), secret: false }
];
function resolveService(doc, envSource, checked) {
  const profiles = checked.profiles;
  const raw = doc.service;
  const spec = raw.spec ?? {};
  const name = raw.metadata?.name ?? "";
  const specDir = path2.dirname(doc.absFile);
  const runtime = spec.runtime ?? "container";
  const process2 = runtime === "process";
  const command = list(spec.command);
  const args = list(spec.args);
  const template = {
    ...!process2 && spec.image !== void 0 ? { image: spec.image } : {},
    ...command ? { command } : {},
    ...args ? { args } : {},
    ...workingDir(spec.workingDir, process2, specDir),
    ...spec.user !== void 0 ? { user: spec.user } : {},
    env: envVars(spec.env, envSource),
    volumes: volumes(spec, specDir),
    securityContext: securityContext2(spec.securityContext, profiles),
    resources: resources2(spec.resources),
    ...matchersField(resolveMatchers(spec.problemMatchers, doc.absFile, checked.matchers))
  };
  const pullPolicy2 = spec.imagePullPolicy ?? "IfNotPresent";
  const { steps, sidecars } = stepsAndSidecars(spec.initSteps ?? [], {
    spec: template,
    pullPolicy: pullPolicy2,
    envSource,
    checked,
    process: process2,
    specAbs: doc.absFile
  });
  const replicas = spec.replicas ?? 1;
  const instances = Array.from({ length: replicas }, (_, ordinal) => {
    const extra = instanceEnv(name, ordinal);
    return {
      service: name,
      name: `${name}-${ordinal}`,
      ordinal,
      steps: steps.map((s) => ({ ...s, env: mergeEnv(s.env, extra) })),
      main: { ...template, env: mergeEnv(template.env, extra) },
      ...sidecars.length > 0 && { sidecars: sidecars.map((c) => ({ ...c, env: mergeEnv(c.env, extra) })) }
    };
  });
  const readinessProbe = probe2(spec.readinessProbe);
  const startupProbe = probe2(spec.startupProbe);
  const livenessProbe = probe2(spec.livenessProbe);
  return {
    name,
    pos: raw.metadata ? valueLoc(raw.metadata, "name").pos : { file: doc.file, line: 1, col: 1 },
    file: doc.absFile,
    runtime,
    pullPolicy: pullPolicy2,
    replicas,
    podManagementPolicy: spec.podManagementPolicy ?? "OrderedReady",
    ports: ports(spec),
    dependsOn: [...new Set(spec.dependsOn ?? [])],
    ...readinessProbe ? { readinessProbe } : {},
    // A native service's main restarts on a failing startup or liveness probe, as a Deployment's (Always).
    ...startupProbe && { startupProbe },
    ...livenessProbe && { livenessProbe },
    template,
    instances,
    ...raw.kind === "Job" && { job: job(raw, spec) }
  };
}
function orderByDependencies(services) {
  const done = /* @__PURE__ */ new Set();
  const out = [];
  const pending = [...services];
  while (pending.length > 0) {
    const i = pending.findIndex((s) => s.dependsOn.every((d) => done.has(d)));
    const [next] = pending.splice(Math.max(i, 0), 1);
    if (!next) break;
    done.add(next.name);
    out.push(next);
  }
  return out;
}

// src/spec/rules.ts
import { existsSync, readFileSync as readFileSync2, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import path3 from "node:path";
var ALLOW_HINT = "allow it with --allow-privileged (action input `allow-privileged: true`)";
var GATED_CAPABILITIES = /* @__PURE__ */ new Set([
  "ALL",
  "SYS_ADMIN",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_PTRACE",
  "DAC_READ_SEARCH",
  "BPF",
  "PERFMON",
  "SYS_BOOT",
  "MAC_ADMIN",
  "MAC_OVERRIDE",
  "SYS_TIME",
  "SYSLOG",
  "AUDIT_CONTROL"
]);
var normaliseCapability = (cap) => cap.toUpperCase().replace(/^CAP_/, "");
var MAX_SECCOMP_PROFILE_BYTES = 1024 * 1024;
var PERMISSIVE_DEFAULTS = /* @__PURE__ */ new Set(["SCMP_ACT_ALLOW", "SCMP_ACT_LOG"]);
var rawString = (obj, key2) => {
  const v = obj ? rawValue(obj, key2) : void 0;
  return typeof v === "string" ? v : void 0;
};
var where = (loc) => `line ${loc.pos.line}`;
var MAX_STEP_INSTANCES = 1e4;
var subject = (service2, step2) => `service "${service2}"${step2 !== void 0 ? `, init step "${step2}"` : ""}`;
var RuleChecker = class {
  constructor(problems, options) {
    this.problems = problems;
    this.options = options;
    this.matcherFiles = new MatcherFiles(problems, options.workspace);
  }
  problems;
  options;
  /** Localhost seccomp profiles read and checked here, by path as written: the model carries these contents. */
  profiles = /* @__PURE__ */ new Map();
  /** Problem-matcher files read and checked here (docs/spec.md#problem-matchers); the model carries their matchers. */
  matcherFiles;
  report(loc, message) {
    this.problems.push({ pos: loc.pos, path: loc.path, message });
  }
  /** Everything that concerns one service document on its own. */
  service(doc) {
    const spec = doc.service.spec;
    if (!spec) return;
    const name = rawString(doc.service.metadata, "name") ?? "?";
    const runtime = spec.runtime ?? (has(spec, "runtime") ? void 0 : "container");
    if (runtime === "container" && !has(spec, "image")) {
      this.report(locOf(spec), "missing required field `image` (required for runtime container)");
    }
    this.container(doc, spec, name, void 0, runtime);
    const volumes2 = this.volumes(spec, name, doc);
    const kind = doc.service.kind;
    if (kind !== void 0) this.kindFields(spec, kind);
    if (kind !== "Job") {
      this.ports(spec);
      this.probes(spec, runtime);
    }
    if (has(spec, "retries") && has(spec, "backoffLimit")) {
      this.report(
        keyLoc(spec, "backoffLimit"),
        "set either `retries` or `backoffLimit` (the same count of retries), not both"
      );
    }
    const stepNames = /* @__PURE__ */ new Map();
    (spec.initSteps ?? []).forEach((step2) => {
      const stepName = rawString(step2, "name");
      if (stepName !== void 0) {
        const first = stepNames.get(stepName);
        if (first)
          this.report(
            valueLoc(step2, "name"),
            `duplicate init step name "${stepName}" (first at ${where(first)})`
          );
        else stepNames.set(stepName, valueLoc(step2, "name"));
      }
      this.container(doc, step2, name, stepName ?? "?", runtime);
      if (runtime === "process" && has(step2, "imagePullPolicy")) {
        this.report(
          valueLoc(step2, "imagePullPolicy"),
          "runtime process runs on the host: remove `imagePullPolicy`"
        );
      }
      this.step(step2, volumes2);
      if (step2.restartPolicy === "Always") this.sidecar(step2, runtime);
      else if (has(step2, "startupProbe")) {
        this.report(
          keyLoc(step2, "startupProbe"),
          "`startupProbe` on an init step needs `restartPolicy: Always` (a native sidecar): a step is done when it exits 0"
        );
      }
    });
  }
  /** Fields of the other kind (`replicas` on a Job, `timeout` on a Service), each at its key. */
  kindFields(spec, kind) {
    const fields = SERVICE_DOCUMENT.fields.spec.fields;
    for (const [key2, field] of Object.entries(fields)) {
      const only = field.onlyFor;
      if (only && only.kind !== kind && has(spec, key2)) {
        this.report(keyLoc(spec, key2), `\`${key2}\` does not apply to kind ${kind}: ${only.why}`);
      }
    }
  }
  /** Fields shared by the main container and init steps. */
  container(doc, c, service2, step2, runtime) {
    if (runtime === "process" && has(c, "image")) {
      this.report(valueLoc(c, "image"), "runtime process runs on the host: remove `image`");
    }
    if (runtime === "container" && c.workingDir !== void 0 && !c.workingDir.startsWith("/")) {
      this.report(valueLoc(c, "workingDir"), `"${c.workingDir}" must be an absolute path in a container`);
    }
    if (c.env) this.env(c.env);
    if (c.securityContext) this.securityContext(c.securityContext, service2, step2);
    if (c.problemMatchers) {
      this.matcherFiles.check(c.problemMatchers, valueLoc(c, "problemMatchers"), doc.file, doc.absFile);
    }
  }
  env(env3) {
    if (!Array.isArray(env3)) return;
    const seen = /* @__PURE__ */ new Map();
    env3.forEach((item) => {
      const name = rawString(item, "name");
      if (name !== void 0) {
        const first = seen.get(name);
        if (first)
          this.report(
            valueLoc(item, "name"),
            `duplicate environment variable "${name}" (first at ${where(first)})`
          );
        else seen.set(name, valueLoc(item, "name"));
      }
      if (has(item, "value") && has(item, "valueFrom")) {
        this.report(keyLoc(item, "valueFrom"), "set either `value` or `valueFrom`, not both");
      }
      const from = item.valueFrom?.env;
      if (from !== void 0 && isRunnerVariable(from) && item.valueFrom) {
        this.report(
          valueLoc(item.valueFrom, "env"),
          `environment variable "${from}" is reserved for the runner and never passed to a step (valueFrom.env; docs/spec.md lists these variables)`
        );
      } else if (from !== void 0 && this.options.env[from] === void 0 && item.valueFrom) {
        this.report(
          valueLoc(item.valueFrom, "env"),
          `environment variable "${from}" is not set (valueFrom.env)`
        );
      }
    });
  }
  securityContext(sc, service2, step2) {
    const seccomp2 = sc.seccompProfile;
    if (seccomp2) {
      if (seccomp2.type === "Localhost" && !has(seccomp2, "localhostProfile")) {
        this.report(locOf(seccomp2), "seccomp type Localhost needs an absolute `localhostProfile`");
      }
      if (seccomp2.type !== void 0 && seccomp2.type !== "Localhost" && has(seccomp2, "localhostProfile")) {
        this.report(
          keyLoc(seccomp2, "localhostProfile"),
          "`localhostProfile` applies only to seccomp type Localhost"
        );
      }
      if (seccomp2.type === "Unconfined" && !this.options.allowPrivileged) {
        this.report(
          valueLoc(seccomp2, "type"),
          `${subject(service2, step2)}: securityContext.seccompProfile.type Unconfined is refused; ${ALLOW_HINT}`
        );
      }
      if (seccomp2.type === "Localhost" && seccomp2.localhostProfile !== void 0) {
        this.localhostProfile(seccomp2.localhostProfile, valueLoc(seccomp2, "localhostProfile"), service2, step2);
      }
    }
    (sc.capAdd ?? []).forEach((cap, i, list2) => {
      const name = normaliseCapability(cap);
      if (GATED_CAPABILITIES.has(name) && !this.options.allowPrivileged) {
        this.report(
          itemLoc(list2, i),
          `${subject(service2, step2)}: securityContext.capAdd ${name} is refused (it reaches past the container); ${ALLOW_HINT}`
        );
      }
    });
    if (sc.privileged === true && !this.options.allowPrivileged) {
      this.report(
        valueLoc(sc, "privileged"),
        `${subject(service2, step2)}: securityContext.privileged: true is refused; ${ALLOW_HINT}`
      );
    }
  }
  /**
   * A Localhost profile must exist and be a seccomp profile (JSON with a `defaultAction`). Without the
   * allowing flag it must lie in the workspace (on its real path) and must not allow by default, which is
   * Unconfined under another name. Its contents are kept: the engine uses them rather than the file.
   */
  localhostProfile(file, loc, service2, step2) {
    const refuse = (why) => this.report(
      loc,
      `${subject(service2, step2)}: securityContext.seccompProfile.localhostProfile ${file} ${why}; ${ALLOW_HINT}`
    );
    let real;
    try {
      real = realpathSync2(file);
    } catch {
      this.report(loc, `seccomp profile ${file} does not exist`);
      return;
    }
    const rel = path3.relative(realOrResolved2(this.options.workspace), real);
    if (!this.options.allowPrivileged && (rel.startsWith("..") || path3.isAbsolute(rel))) {
      refuse(`resolves outside the workspace ${this.options.workspace} (${real})`);
      return;
    }
    const text = this.profiles.get(file) ?? readProfile(real);
    if (typeof text !== "string") {
      this.report(loc, `seccomp profile ${file} ${text.problem}`);
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.report(loc, `seccomp profile ${file} is not valid JSON`);
      return;
    }
    const defaultAction = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed.defaultAction : void 0;
    if (typeof defaultAction !== "string") {
      this.report(loc, `seccomp profile ${file} is not a seccomp profile (no string \`defaultAction\`)`);
      return;
    }
    this.profiles.set(file, text);
    if (!this.options.allowPrivileged && PERMISSIVE_DEFAULTS.has(defaultAction)) {
      refuse(`allows every syscall by default (defaultAction ${defaultAction}), which is Unconfined`);
    }
  }
  /** Checks the volume list; returns every declared name (even invalid ones) with its mountPath. */
  volumes(spec, service2, doc) {
    const declared = /* @__PURE__ */ new Map();
    const names = /* @__PURE__ */ new Map();
    const mounts2 = /* @__PURE__ */ new Map();
    for (const v of spec.volumes ?? []) {
      const name = rawString(v, "name");
      if (name !== void 0) {
        const first = names.get(name);
        if (first)
          this.report(valueLoc(v, "name"), `duplicate volume name "${name}" (first at ${where(first)})`);
        else names.set(name, valueLoc(v, "name"));
        declared.set(name, v.mountPath);
      }
      if (v.mountPath !== void 0) {
        const mp = path3.posix.normalize(v.mountPath).replace(/(.)\/+$/, "$1");
        const first = mounts2.get(mp);
        if (first)
          this.report(valueLoc(v, "mountPath"), `mountPath ${mp} is already used (at ${where(first)})`);
        else mounts2.set(mp, valueLoc(v, "mountPath"));
      }
      const sources = ["claimTemplate", "hostPath", "emptyDir"].filter((k) => has(v, k));
      if (sources.length !== 1) {
        this.report(
          locOf(v),
          `a volume needs exactly one of claimTemplate, hostPath, emptyDir (${sources.length ? `got ${sources.join(" and ")}` : "got none"})`
        );
      }
      if (v.hostPath !== void 0) this.hostPath(v.hostPath, valueLoc(v, "hostPath"), service2, doc);
    }
    return declared;
  }
  hostPath(hostPath, loc, service2, doc) {
    const abs = path3.resolve(path3.dirname(doc.absFile), hostPath);
    if (!existsSync(abs)) {
      this.report(loc, `hostPath ${hostPath} does not exist (${abs})`);
      return;
    }
    if (this.options.allowPrivileged) return;
    const rel = path3.relative(realOrResolved2(this.options.workspace), realOrResolved2(abs));
    if (rel.startsWith("..") || path3.isAbsolute(rel)) {
      this.report(
        loc,
        `${subject(service2)}: hostPath ${hostPath} resolves outside the workspace ${this.options.workspace} (${abs}); ${ALLOW_HINT}`
      );
    }
  }
  ports(spec) {
    const replicas = spec.replicas ?? 1;
    if (replicas <= 1) return;
    (spec.ports ?? []).forEach((p, i) => {
      const fixed = typeof p === "string" ? /:\d+:\d|^\d+:\d/.test(p) : p.hostPort !== void 0;
      if (fixed) {
        this.report(
          itemLoc(spec.ports ?? [], i),
          `a fixed host port with replicas ${replicas} would be bound by every instance; omit the host port (a free one is picked)`
        );
      }
    });
  }
  /**
   * A native sidecar (docs/spec.md#native-sidecars): started once in its place and kept running, so what
   * makes a step run, retry or stop is refused at its line.
   */
  sidecar(step2, runtime) {
    const why = "a native sidecar (restartPolicy Always)";
    if (runtime === "process") {
      this.report(
        valueLoc(step2, "restartPolicy"),
        `${why} runs beside the service's containers in its sandbox: runtime process has none`
      );
    }
    for (const [key2, what] of [
      ["retries", "it starts once and is not retried"],
      ["backoff", "it starts once and is not retried"],
      ["timeout", "it runs for the instance's life; its startupProbe bounds its start"],
      ["problemMatchers", "only a failed step's output is read for problems"]
    ]) {
      if (has(step2, key2)) this.report(keyLoc(step2, key2), `\`${key2}\` does not apply to ${why}: ${what}`);
    }
    const runIf3 = step2.runIf;
    const type = runIf3 && (runIf3.type ?? (has(runIf3, "type") ? void 0 : "freshVolume"));
    if (runIf3 && type !== void 0 && type !== "always") {
      this.report(
        has(runIf3, "type") ? valueLoc(runIf3, "type") : keyLoc(step2, "runIf"),
        `${why} starts on every \`up\`, as Kubernetes starts it with every pod: runIf can only be always`
      );
    }
    if (step2.startupProbe) {
      this.probe(step2.startupProbe, "startupProbe");
      if (has(step2.startupProbe, "terminationGracePeriodSeconds")) {
        this.report(
          keyLoc(step2.startupProbe, "terminationGracePeriodSeconds"),
          `terminationGracePeriodSeconds does not apply to ${why}: a failing startupProbe fails the step, nothing is restarted`
        );
      }
    }
  }
  /** The main's probes (docs/spec.md, "Services"). */
  probes(spec, runtime) {
    for (const kind of ["readinessProbe", "startupProbe", "livenessProbe"]) {
      const probe4 = spec[kind];
      if (probe4) this.probe(probe4, kind);
    }
    if (runtime === "process" && has(spec, "livenessProbe")) {
      this.report(
        keyLoc(spec, "livenessProbe"),
        "a livenessProbe restarts the main container: runtime process does not restart its main process"
      );
    }
  }
  /** One probe: one check, and Kubernetes' own limits. */
  probe(probe4, kind) {
    const checks = ["exec", "tcpSocket", "httpGet", "grpc"].filter((k) => has(probe4, k));
    if (checks.length !== 1) {
      this.report(
        locOf(probe4),
        `a ${kind} needs exactly one of exec, tcpSocket, httpGet, grpc (${checks.length ? `got ${checks.join(" and ")}` : "got none"})`
      );
    }
    if (kind !== "readinessProbe" && probe4.successThreshold !== void 0 && probe4.successThreshold !== 1) {
      this.report(
        valueLoc(probe4, "successThreshold"),
        `a ${kind}'s successThreshold must be 1 (as in Kubernetes)`
      );
    }
    if (kind === "readinessProbe" && has(probe4, "terminationGracePeriodSeconds")) {
      this.report(
        keyLoc(probe4, "terminationGracePeriodSeconds"),
        "terminationGracePeriodSeconds is for a startupProbe or livenessProbe: a failing readiness probe stops nothing"
      );
    }
  }
  step(step2, declared) {
    const stepName = rawString(step2, "name") ?? "?";
    let mounted = declared;
    if (has(step2, "volumes")) {
      const list2 = step2.volumes;
      mounted = list2 ? /* @__PURE__ */ new Map() : void 0;
      list2?.forEach((name, i) => {
        if (declared.has(name)) mounted?.set(name, declared.get(name));
        else {
          this.report(
            itemLoc(list2, i),
            `unknown volume "${name}"${didYouMean(name, declared.keys())} (the service declares ${[...declared.keys()].join(", ") || "none"})`
          );
        }
      });
    }
    const runIf3 = step2.runIf;
    if (runIf3) {
      const type = runIf3.type ?? (has(runIf3, "type") ? void 0 : "freshVolume");
      const volume2 = rawString(runIf3, "volume");
      if (volume2 !== void 0 && mounted && !mounted.has(volume2) && type !== "always") {
        const why = declared.has(volume2) ? " (its volumes list leaves it out)" : didYouMean(volume2, mounted.keys());
        this.report(
          valueLoc(runIf3, "volume"),
          `volume "${volume2}" is not mounted in init step "${stepName}"${why}`
        );
      }
      if (type === "fileMissing") {
        if (!has(runIf3, "path")) this.report(locOf(runIf3), "runIf type fileMissing needs `path`");
        else if (runIf3.path !== void 0 && mounted && (volume2 === void 0 || mounted.has(volume2))) {
          const file = runIf3.path;
          const candidates = [...mounted].filter(([n]) => volume2 === void 0 || n === volume2);
          const known = candidates.every(([, mp]) => mp !== void 0);
          if (known && !candidates.some(([, mp]) => mp !== void 0 && isUnder(file, mp))) {
            const on = volume2 !== void 0 ? `volume "${volume2}"` : "a volume mounted in this step";
            this.report(valueLoc(runIf3, "path"), `path ${file} is not on ${on}`);
          }
        }
      } else if (type !== void 0) {
        if (has(runIf3, "path"))
          this.report(keyLoc(runIf3, "path"), "`path` applies only to runIf type fileMissing");
        if (type === "always" && has(runIf3, "volume")) {
          this.report(keyLoc(runIf3, "volume"), "`volume` does not apply to runIf type always");
        }
      }
    }
    if (step2.restartPolicy === "Never" && step2.retries !== void 0 && step2.retries > 0) {
      this.report(
        valueLoc(step2, "retries"),
        `retries ${step2.retries} contradicts restartPolicy Never (one attempt); remove one of them`
      );
    }
  }
  /**
   * Names unique across all files; dependsOn names known and acyclic; the project's size bounded.
   * `translated`: the workloads of Kubernetes objects (they check their own names), which native
   * documents may depend on.
   */
  project(docs, translated = /* @__PURE__ */ new Set()) {
    this.size(docs);
    const byName = /* @__PURE__ */ new Map();
    for (const doc of docs) {
      const name = rawString(doc.service.metadata, "name");
      const meta = doc.service.metadata;
      if (name === void 0 || !meta) continue;
      const first = byName.get(name);
      if (first) {
        const at2 = `${first.loc.pos.file}:${first.loc.pos.line}:${first.loc.pos.col}`;
        const what = doc.service.kind === "Job" ? "job" : "service";
        this.report(valueLoc(meta, "name"), `duplicate ${what} name "${name}" (first declared at ${at2})`);
      } else byName.set(name, { doc, loc: valueLoc(meta, "name") });
    }
    const edges = /* @__PURE__ */ new Map();
    for (const [name, { doc }] of byName) {
      const deps = doc.service.spec?.dependsOn ?? [];
      const list2 = [];
      deps.forEach((dep, i) => {
        const loc = itemLoc(deps, i);
        if (byName.has(dep)) list2.push({ to: dep, loc });
        else if (!translated.has(dep))
          this.report(loc, `unknown service "${dep}" in dependsOn${didYouMean(dep, byName.keys())}`);
      });
      edges.set(name, list2);
    }
    const state = /* @__PURE__ */ new Map();
    const stack = [];
    const visit3 = (name) => {
      state.set(name, "active");
      stack.push(name);
      for (const { to, loc } of edges.get(name) ?? []) {
        if (state.get(to) === "active") {
          const cycle = [...stack.slice(stack.indexOf(to)), to].join(" \u2192 ");
          this.report(loc, `dependsOn forms a cycle: ${cycle}`);
        } else if (!state.has(to)) visit3(to);
      }
      stack.pop();
      state.set(name, "done");
    };
    for (const name of byName.keys()) if (!state.has(name)) visit3(name);
  }
  /** Steps × replicas over all services, at most MAX_STEP_INSTANCES: reported at the service that crosses it. */
  size(docs) {
    const counts = docs.map((doc) => {
      const spec2 = doc.service.spec;
      const steps2 = spec2?.initSteps?.length ?? 0;
      const replicas2 = spec2?.replicas ?? 1;
      return { doc, spec: spec2, steps: steps2, replicas: replicas2, instances: steps2 * replicas2 };
    });
    const total = counts.reduce((sum2, c) => sum2 + c.instances, 0);
    if (total <= MAX_STEP_INSTANCES) return;
    let sum = 0;
    const crossing = counts.find((c) => (sum += c.instances) > MAX_STEP_INSTANCES);
    if (!crossing?.spec) return;
    const { spec, steps, replicas } = crossing;
    const name = rawString(crossing.doc.service.metadata, "name") ?? "?";
    const n = (x) => x.toLocaleString("en-US");
    this.report(
      replicas > 1 ? valueLoc(spec, "replicas") : keyLoc(spec, "initSteps"),
      `${subject(name)}: ${n(steps)} init step(s) \xD7 ${n(replicas)} replica(s) = ${n(crossing.instances)} step instances; a project may have at most ${n(MAX_STEP_INSTANCES)} (this one has ${n(total)} in all)`
    );
  }
};
var realOrResolved2 = (p) => {
  try {
    return realpathSync2(p);
  } catch {
    return path3.resolve(p);
  }
};
function readProfile(file) {
  try {
    const st = statSync2(file);
    if (!st.isFile()) return { problem: "is not a regular file" };
    if (st.size > MAX_SECCOMP_PROFILE_BYTES) {
      return { problem: `is larger than ${MAX_SECCOMP_PROFILE_BYTES / 1024 / 1024} MiB` };
    }
    return readFileSync2(file, "utf8");
  } catch (e) {
    return { problem: `cannot be read: ${errorMessage(e)}` };
  }
}
var isUnder = (p, mountPath) => {
  const rel = path3.posix.relative(mountPath, p);
  return rel !== "" && !rel.startsWith("..") && !path3.posix.isAbsolute(rel);
};

// src/spec/addresses.ts
var viewOf = (runtime) => runtime === "process" ? "host" : "container";
var envNameOf = (service2) => service2.toUpperCase().replace(/-/g, "_");
function addressedDependencies(services, s, view) {
  const byName = new Map(services.map((x) => [x.name, x]));
  const wanted = /* @__PURE__ */ new Set();
  const visit3 = (name) => {
    for (const d of byName.get(name)?.dependsOn ?? []) {
      if (wanted.has(d)) continue;
      wanted.add(d);
      visit3(d);
    }
  };
  visit3(s.name);
  wanted.delete(s.name);
  return services.filter(
    (x) => wanted.has(x.name) && x.job === void 0 && (view === "host" || x.runtime === "container")
  );
}
function addressVariables(addresses) {
  const out = [];
  const add = (name, value) => {
    if (!out.some((e) => e.name === name)) out.push({ name, value: String(value), secret: false });
  };
  for (const a of addresses) {
    const prefix = `${envNameOf(a.service)}_SERVICE`;
    add(`${prefix}_HOST`, a.host);
    const [first] = a.ports;
    if (first) add(`${prefix}_PORT`, first.port);
    for (const p of a.ports) add(`${prefix}_PORT_${p.containerPort}`, p.port);
  }
  return out;
}
var namesOnly = (d) => ({
  service: d.name,
  host: "",
  ports: d.ports.map((p) => ({ containerPort: p.containerPort, port: 0 }))
});
function addressVariableNames(services, s, view) {
  return addressVariables(addressedDependencies(services, s, view).map(namesOnly)).map((e) => e.name);
}
var addressNamesOf = (d) => addressVariables([namesOnly(d)]).map((e) => e.name);

// src/spec/expansion.ts
var INSTANCE_VARIABLES = [
  "INITSTEPS_SERVICE",
  "INITSTEPS_INSTANCE",
  "INITSTEPS_REPLICA_ORDINAL"
];
function expand(input, lookup2) {
  let out = "";
  let i = 0;
  while (i < input.length) {
    const dollar = input.indexOf("$", i);
    if (dollar < 0 || dollar === input.length - 1) break;
    out += input.slice(i, dollar);
    const next = input[dollar + 1];
    if (next === "$") {
      out += "$";
      i = dollar + 2;
    } else if (next === "(") {
      const close = input.indexOf(")", dollar + 2);
      if (close < 0) {
        out += "$(";
        i = dollar + 2;
      } else {
        const name = input.slice(dollar + 2, close);
        out += lookup2(name) ?? `$(${name})`;
        i = close + 1;
      }
    } else {
      out += `$${next}`;
      i = dollar + 2;
    }
  }
  return out + input.slice(i);
}
function references(input) {
  const names = [];
  expand(input, (name) => {
    names.push(name);
    return void 0;
  });
  return names;
}
var usesPodFields = (specs) => specs.some((c) => c.env.some((e) => e.podField !== void 0));
function withPodFields(spec, values) {
  if (!usesPodFields([spec])) return spec;
  return {
    ...spec,
    env: spec.env.map((e) => e.podField === void 0 ? e : { ...e, value: values[e.podField] })
  };
}
function expandContainer(spec, injected) {
  const background = new Map(injected.map((e) => [e.name, e]));
  for (const e of spec.env) if (INSTANCE_VARIABLES.includes(e.name)) background.set(e.name, e);
  const declared = /* @__PURE__ */ new Map();
  const env3 = spec.env.map((e) => {
    if (e.secret) {
      declared.set(e.name, e);
      return e;
    }
    let secret = false;
    const value = expand(e.value, (name) => {
      const v = declared.get(name) ?? background.get(name);
      if (v?.secret) secret = true;
      return v?.value;
    });
    declared.set(e.name, { value, secret });
    return { name: e.name, value, secret };
  });
  for (const e of injected) if (!declared.has(e.name)) env3.push(e);
  const all = new Map(env3.map((e) => [e.name, e.value]));
  const expandAll = (list2) => list2.map((s) => expand(s, (name) => all.get(name)));
  return {
    ...spec,
    env: env3,
    ...spec.command && { command: expandAll(spec.command) },
    ...spec.args && { args: expandAll(spec.args) }
  };
}

// src/spec/unresolved.ts
function entries(env3) {
  if (env3 === void 0) return [];
  if (!Array.isArray(env3)) {
    return Object.entries(env3).map(([name, value]) => ({ name, value, loc: valueLoc(env3, name) }));
  }
  return env3.map((item, i) => ({
    name: item.name ?? "",
    ...item.value !== void 0 && { value: item.value },
    loc: item.value !== void 0 ? valueLoc(item, "value") : itemLoc(env3, i)
  }));
}
function strings(spec) {
  return ["command", "args"].flatMap((key2) => {
    const v = spec[key2];
    if (v === void 0) return [];
    if (typeof v === "string") return [[v, valueLoc(spec, key2)]];
    return v.map((s, i) => [s, itemLoc(v, i)]);
  });
}
function mergedNames(parent, step2) {
  return [...parent, ...step2.filter((n) => !parent.includes(n))];
}
function unresolvedReferences(docs, services) {
  const warnings = [];
  for (const doc of docs) {
    const spec = doc.service.spec ?? {};
    const s = services.find((x) => x.name === doc.service.metadata?.name);
    if (!s) continue;
    const always = [...INSTANCE_VARIABLES, ...addressVariableNames(services, s, viewOf(s.runtime))];
    const hint = addressHint(services, s);
    const check = (text, loc, known, later, self) => {
      for (const name of new Set(references(text))) {
        if (always.includes(name) || known.includes(name)) continue;
        if (!meantAsVariable(name, [...always, ...known, ...later])) continue;
        const order = name === self ? "refers to its own entry" : later.includes(name) ? "is defined after this entry" : void 0;
        const why = order !== void 0 ? `${order}: an env value sees only the entries above it` : hint(name) ?? `is not a variable of this ${s.runtime === "process" ? "process" : "container"}`;
        const suggestion = order === void 0 ? didYouMean(name, [...always, ...known]) : "";
        warnings.push({
          pos: loc.pos,
          path: loc.path,
          message: `$(${name}) ${why}, so it stays as written${suggestion}`
        });
      }
    };
    const checkEnv = (list2, before, all) => list2.forEach((e, i) => {
      if (e.value !== void 0) check(e.value, e.loc, before(i), all, e.name);
    });
    const parent = entries(spec.env);
    const parentNames = parent.map((e) => e.name);
    checkEnv(parent, (i) => parentNames.slice(0, i), parentNames);
    for (const [text, loc] of strings(spec)) check(text, loc, parentNames, []);
    for (const step2 of spec.initSteps ?? []) {
      const own = entries(step2.env);
      const names = mergedNames(
        parentNames,
        own.map((e) => e.name)
      );
      checkEnv(own, (i) => names.slice(0, names.indexOf(own[i]?.name ?? "")), names);
      for (const [text, loc] of strings(step2)) check(text, loc, names, []);
    }
  }
  return warnings;
}
function meantAsVariable(name, variables) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  return /^[A-Z_][A-Z0-9_]*$/.test(name) || closest(name, variables) !== void 0;
}
function addressHint(services, s) {
  return (name) => {
    const target = [...services].sort((a, b) => b.name.length - a.name.length).find((x) => name.startsWith(`${envNameOf(x.name)}_SERVICE_`));
    if (!target) return void 0;
    if (target === s) return `names this service's own address, which it is not given`;
    const reached = addressedDependencies(services, s, "host").includes(target);
    if (!reached)
      return `is an address of "${target.name}", which this service does not depend on (dependsOn)`;
    if (viewOf(s.runtime) === "container" && target.runtime === "process") {
      return `is an address of "${target.name}", a runtime: process service that containers cannot reach`;
    }
    return `is not one of the address variables of "${target.name}" (${addressNamesOf(target).join(", ")})`;
  };
}

// src/spec/kubernetes/classify.ts
var WORKLOAD_KINDS = {
  Pod: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  Job: "batch/v1"
};
var DATA_KINDS = {
  Service: "v1",
  ConfigMap: "v1",
  Secret: "v1",
  PersistentVolumeClaim: "v1"
};
var CORE_KINDS = /* @__PURE__ */ new Set([
  "Pod",
  "ConfigMap",
  "Secret",
  "PersistentVolumeClaim",
  "ServiceAccount",
  "Namespace",
  "Endpoints",
  "LimitRange",
  "ResourceQuota",
  "ReplicationController",
  "PersistentVolume"
]);
var scalarText = (map, key2) => {
  const v = map.entries.get(key2)?.value;
  return v?.kind === "scalar" && typeof v.value === "string" ? v.value : void 0;
};
function classify(node) {
  if (node.kind !== "map") return { is: "native" };
  const apiVersion = scalarText(node, "apiVersion");
  const kind = scalarText(node, "kind");
  if (apiVersion === void 0 || kind === void 0 || apiVersion.startsWith("initsteps")) {
    return { is: "native" };
  }
  if (apiVersion === "v1" && kind === "List") return { is: "list" };
  if (apiVersion === "v1" && kind === "Job") return { is: "native" };
  if (apiVersion === "v1" && kind === "Service") {
    const spec = node.entries.get("spec")?.value;
    const fields = spec?.kind === "map" ? spec.entries : /* @__PURE__ */ new Map();
    const ports3 = fields.get("ports")?.value;
    const targetPort = ports3?.kind === "seq" && ports3.items.some((p) => p.kind === "map" && p.entries.has("targetPort"));
    const kubernetes = fields.has("selector") || targetPort;
    const image = fields.has("image");
    if (kubernetes && !image) return { is: "kubernetes", apiVersion, kind };
    if (image && kubernetes) {
      return {
        is: "ambiguous",
        message: "`apiVersion: v1, kind: Service` with both `spec.image` (an initsteps service) and `spec.selector` or `targetPort` (a Kubernetes Service): use `apiVersion: initsteps/v1` for an initsteps service, or drop `image` for a Kubernetes Service"
      };
    }
    const kubernetesShaped = fields.has("type") || fields.has("clusterIP") || ports3?.kind === "seq" && ports3.items.some((p) => p.kind === "map" && p.entries.has("port"));
    if (image || !kubernetesShaped) return { is: "native" };
    return {
      is: "ambiguous",
      message: "`apiVersion: v1, kind: Service` with neither `spec.image` (an initsteps service) nor `spec.selector` or `targetPort` (a Kubernetes Service): give the Kubernetes Service a `selector`, or write an initsteps service with `apiVersion: initsteps/v1` and `spec.image`"
    };
  }
  if ((kind === "Service" || kind === "Job") && apiVersion !== (WORKLOAD_KINDS[kind] ?? DATA_KINDS[kind])) {
    return { is: "native" };
  }
  if (apiVersion === "v1" && !CORE_KINDS.has(kind)) return { is: "native" };
  return { is: "kubernetes", apiVersion, kind };
}

// src/spec/kubernetes/located.ts
var import_yaml3 = __toESM(require_dist(), 1);
var Exhausted2 = class extends Error {
};
function locate(file, doc, lines, problems, budget) {
  const anchors = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  (0, import_yaml3.visit)(doc, {
    Node: (_key, node) => {
      if ((0, import_yaml3.isAlias)(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    }
  });
  const expanding = /* @__PURE__ */ new Set();
  const pos = (node) => {
    const range = node?.range;
    return { file, ...range ? lines.linePos(range[0]) : { line: 1, col: 1 } };
  };
  const report = (node, path6, message) => problems.push({ pos: pos(node), path: path6, message });
  const convert = (raw, path6, at2) => {
    if (--budget < 0) {
      report(at2, path6, "document too large after expanding aliases (possible alias bomb)");
      throw new Exhausted2();
    }
    let node = raw;
    if ((0, import_yaml3.isAlias)(raw)) {
      const target = targets.get(raw);
      if (!target) {
        report(raw, path6, `unknown alias *${raw.source}`);
        return void 0;
      }
      if (expanding.has(target)) {
        report(raw, path6, `alias *${raw.source} refers to a node that contains it`);
        return void 0;
      }
      node = target;
      expanding.add(target);
    }
    try {
      const where2 = pos((0, import_yaml3.isAlias)(raw) ? raw : raw ?? at2);
      if ((0, import_yaml3.isMap)(node)) {
        const out = { kind: "map", pos: where2, path: path6, entries: /* @__PURE__ */ new Map() };
        mapInto(out, node, path6);
        return out;
      }
      if ((0, import_yaml3.isSeq)(node)) {
        const items = [];
        node.items.forEach((item, i) => {
          const v = convert(item, `${path6}[${i}]`, item);
          if (v) items.push(v);
        });
        return { kind: "seq", pos: where2, path: path6, items };
      }
      if ((0, import_yaml3.isScalar)(node)) {
        const source = node.source;
        return {
          kind: "scalar",
          pos: where2,
          path: path6,
          value: node.value,
          ...typeof source === "string" && { source }
        };
      }
      return { kind: "scalar", pos: where2, path: path6, value: null };
    } finally {
      if ((0, import_yaml3.isAlias)(raw)) expanding.delete(node);
    }
  };
  const mapInto = (out, node, path6) => {
    const merged = [];
    for (const pair of node.items) {
      if ((0, import_yaml3.isScalar)(pair.key) && typeof pair.key.value === "symbol") {
        for (const s of (0, import_yaml3.isSeq)(pair.value) ? pair.value.items : [pair.value]) {
          const src = convert(s, path6, s);
          if (src?.kind === "map") {
            for (const [k, e] of src.entries) if (!out.entries.has(k)) merged.push({ key: k, value: e });
          } else if (src) report(s, path6, "`<<` merges maps only");
        }
        continue;
      }
      const name = (0, import_yaml3.isScalar)(pair.key) && (typeof pair.key.value === "string" || typeof pair.key.value === "number") ? String(pair.key.value) : void 0;
      if (name === void 0) {
        report(pair.key ?? pair.value ?? node, path6, "expected a plain name as a key");
        continue;
      }
      const childPath = path6 ? `${path6}.${name}` : name;
      if (out.entries.has(name)) {
        report(pair.key, childPath, `duplicate key \`${name}\``);
        continue;
      }
      const value = convert(pair.value ?? null, childPath, pair.value ?? pair.key);
      if (value) out.entries.set(name, { key: pos(pair.key), value });
    }
    for (const m of merged) {
      const name = m.key;
      const entry = m.value;
      if (!out.entries.has(name)) out.entries.set(name, entry);
    }
  };
  try {
    return convert(doc.contents, "", doc.contents);
  } catch (e) {
    if (e instanceof Exhausted2) return void 0;
    throw e;
  }
}

// src/spec/kubernetes/reader.ts
var kindOf2 = (n) => n.kind === "map" ? "a map" : n.kind === "seq" ? "a list" : n.value === null || n.value === void 0 ? "nothing (null)" : `a ${typeof n.value === "bigint" ? "number" : typeof n.value}`;
var at = (p) => `${p.file}:${p.line}:${p.col}`;
var Reader = class {
  constructor(problems) {
    this.problems = problems;
  }
  problems;
  read = /* @__PURE__ */ new WeakMap();
  /** Ignored fields by kind (`pod spec: nodeSelector`): every place, first one first. */
  ignoredFields = /* @__PURE__ */ new Map();
  problem(node, message) {
    this.problems.push({ pos: node.pos, path: node.path, message });
  }
  /** The entry for `key`, marked as read. */
  entry(map, key2) {
    let seen = this.read.get(map);
    if (!seen) this.read.set(map, seen = /* @__PURE__ */ new Set());
    seen.add(key2);
    const v = map.entries.get(key2)?.value;
    return v?.kind === "scalar" && v.value === null ? void 0 : v;
  }
  /** Where a key is written, for refusals that name the field itself. */
  keyAt(map, key2) {
    const e = map.entries.get(key2);
    return { pos: e?.key ?? map.pos, path: e?.value.path ?? (map.path ? `${map.path}.${key2}` : key2) };
  }
  has(map, key2) {
    return this.entry(map, key2) !== void 0;
  }
  map(map, key2) {
    const v = this.entry(map, key2);
    if (v === void 0 || v.kind === "map") return v;
    this.problem(v, `expected a map, got ${kindOf2(v)}`);
    return void 0;
  }
  list(map, key2) {
    const v = this.entry(map, key2);
    if (v === void 0 || v.kind === "seq") return v;
    this.problem(v, `expected a list, got ${kindOf2(v)}`);
    return void 0;
  }
  /** The map items of a list; others are reported. */
  maps(map, key2) {
    return (this.list(map, key2)?.items ?? []).filter((item) => {
      if (item.kind === "map") return true;
      this.problem(item, `expected a map, got ${kindOf2(item)}`);
      return false;
    });
  }
  scalar(map, key2) {
    const v = this.entry(map, key2);
    if (v === void 0 || v.kind === "scalar") return v;
    this.problem(v, `expected a scalar, got ${kindOf2(v)}`);
    return void 0;
  }
  str(map, key2) {
    const v = this.scalar(map, key2);
    if (v === void 0) return void 0;
    if (typeof v.value === "string") return v.value;
    this.problem(v, `expected a string, got ${kindOf2(v)}`);
    return void 0;
  }
  /** A string, or a number or boolean kept as its text (Kubernetes' int-or-string, ConfigMap values). */
  text(map, key2) {
    const v = this.scalar(map, key2);
    return v === void 0 ? void 0 : this.textOf(v);
  }
  textOf(v) {
    if (v.kind === "scalar") {
      if (typeof v.value === "string") return v.value;
      if (typeof v.value === "number" || typeof v.value === "boolean") return v.source ?? String(v.value);
    }
    this.problem(v, `expected a string, got ${kindOf2(v)}`);
    return void 0;
  }
  /**
   * An integer. Kubernetes reads YAML 1.1, where `0644` is octal (a file mode); the YAML 1.2 parser reads
   * it as decimal, so the source text decides.
   */
  int(map, key2, min = 0) {
    const v = this.scalar(map, key2);
    if (v === void 0) return void 0;
    const octal = v.source !== void 0 && /^0[0-7]+$/.test(v.source) ? parseInt(v.source, 8) : void 0;
    const n = octal ?? v.value;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      this.problem(v, `expected an integer, got ${kindOf2(v)}`);
      return void 0;
    }
    if (n < min) {
      this.problem(v, `must be at least ${min}, got ${n}`);
      return void 0;
    }
    return n;
  }
  bool(map, key2) {
    const v = this.scalar(map, key2);
    if (v === void 0) return void 0;
    if (typeof v.value === "boolean") return v.value;
    this.problem(v, `expected true or false, got ${kindOf2(v)}`);
    return void 0;
  }
  /** A map of strings (labels, annotations, ConfigMap data); other values are reported. */
  strings(map, key2) {
    const out = /* @__PURE__ */ new Map();
    const m = this.map(map, key2);
    if (!m) return out;
    for (const [k] of m.entries) {
      const node = this.entry(m, k);
      const value = node === void 0 ? "" : this.textOf(node);
      if (value !== void 0) out.set(k, { value, node: node ?? m });
    }
    return out;
  }
  /** Refuses a field that is written (and not empty), saying why, at its key. */
  refuse(map, key2, why) {
    if (this.entry(map, key2) !== void 0) this.problem(this.keyAt(map, key2), why);
  }
  /**
   * Every field of `map` that was not read is ignored: remembered under `<what>: <field>` for one notice
   * per kind. Call once the map's known fields were read.
   */
  ignoreRest(map, what) {
    const seen = this.read.get(map);
    for (const [key2, e] of map.entries) {
      if (!seen?.has(key2)) this.ignore(`${what}: ${key2}`, { pos: e.key, path: e.value.path });
    }
  }
  /** A whole object of a kind initsteps does not run (a ServiceAccount, an Ingress). */
  ignoreObject(kind, place) {
    this.ignore(`object: ${kind}`, place);
  }
  ignore(kind, place) {
    const places = this.ignoredFields.get(kind) ?? [];
    if (!places.some((p) => at(p.pos) === at(place.pos))) places.push(place);
    this.ignoredFields.set(kind, places);
  }
  /** The notices: one per ignored field kind, at its first place, listing the others. */
  notices() {
    return [...this.ignoredFields].map(([kind, [first, ...more]]) => ({
      pos: first?.pos ?? { file: "", line: 1, col: 1 },
      path: first?.path ?? "",
      message: `ignored: ${kind} (initsteps does not run it; docs/kubernetes.md#ignored)${more.length > 0 ? `; also at ${more.map((m) => at(m.pos)).join(", ")}` : ""}`
    }));
  }
};

// src/spec/kubernetes/shared.ts
var K8S = {
  backoffLimit: 6,
  namespace: "default",
  fileMode: 420,
  stepAttempts: 3,
  timeoutMs: 5 * 6e4,
  probe: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }
};
var ANNOTATION = {
  runIf: "initsteps.dev/run-if.",
  dependsOn: "initsteps.dev/depends-on",
  timeout: "initsteps.dev/timeout",
  attempts: "initsteps.dev/attempts",
  backoffBase: "initsteps.dev/backoff-base",
  backoffCap: "initsteps.dev/backoff-cap"
};
var ALLOW_HINT2 = "allow it with --allow-privileged (action input `allow-privileged: true`)";
var NOT_YET = "not supported yet (docs/kubernetes.md#refused)";
var envName = (service2) => service2.toUpperCase().replace(/-/g, "_");
var literal = (value) => value.replace(/\$/g, "$$$$");
var key = (ns, name) => `${ns}/${name}`;
var emptyContainer = () => ({
  env: [],
  volumes: [],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {}
});
function mergeEnv2(parent, child) {
  const byName = new Map(parent.map((e) => [e.name, e]));
  for (const e of child) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}
function texts(r, c, field) {
  const list2 = r.list(c, field);
  if (!list2) return void 0;
  return list2.items.flatMap((item) => {
    const t = r.textOf(item);
    return t === void 0 ? [] : [t];
  });
}

// src/spec/kubernetes/objects.ts
var DNS_LABEL2 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function indexObjects(r, objects) {
  const out = {
    configMaps: /* @__PURE__ */ new Map(),
    secrets: /* @__PURE__ */ new Map(),
    claims: /* @__PURE__ */ new Map(),
    services: [],
    workloads: []
  };
  for (const obj of objects) index(r, out, obj);
  return out;
}
function lookup(r, objects, ref, secret, namespace, nameField = "name") {
  const name = r.str(ref, nameField);
  const optional = r.bool(ref, "optional") ?? false;
  if (name === void 0) {
    r.problem(ref, `missing required field \`${nameField}\``);
    return void 0;
  }
  const found = (secret ? objects.secrets : objects.configMaps).get(key(namespace, name));
  if (!found && !optional) {
    r.problem(
      ref.entries.get(nameField)?.value ?? ref,
      `no ${secret ? "Secret" : "ConfigMap"} "${name}" in namespace ${namespace} among the input files`
    );
  }
  return found?.data;
}
function readMeta(r, obj, map, requireName) {
  if (!map) {
    if (requireName) r.problem(obj.node, "missing required field `metadata`");
    return void 0;
  }
  const name = r.str(map, "name");
  const nameNode = map.entries.get("name")?.value;
  if (requireName && name === void 0 && !nameNode) r.problem(map, "missing required field `name`");
  if (name !== void 0 && (!DNS_LABEL2.test(name) || name.length > 63) && requireName) {
    r.problem(
      nameNode ?? map,
      `"${name}" is not a DNS label (lowercase letters, digits and '-', at most 63)`
    );
    return void 0;
  }
  const namespace = r.str(map, "namespace") ?? K8S.namespace;
  const labels = new Map([...r.strings(map, "labels")].map(([k, v]) => [k, v.value]));
  const annotations = r.strings(map, "annotations");
  r.ignoreRest(map, "metadata");
  if (requireName && name === void 0) return void 0;
  return { name: name ?? "", namespace, labels, annotations, namePos: nameNode?.pos ?? map.pos };
}
function index(r, out, obj) {
  const node = obj.node;
  r.entry(node, "apiVersion");
  r.entry(node, "kind");
  const expectedApi = WORKLOAD_KINDS[obj.kind] ?? DATA_KINDS[obj.kind];
  if (expectedApi !== void 0 && expectedApi !== obj.apiVersion) {
    r.problem(
      r.keyAt(node, "apiVersion"),
      `a ${obj.kind} is \`apiVersion: ${expectedApi}\` (got ${obj.apiVersion})`
    );
    return;
  }
  if (expectedApi === void 0) {
    r.ignoreObject(`${obj.apiVersion} ${obj.kind}`, { pos: node.pos, path: "" });
    return;
  }
  const m = readMeta(r, obj, r.map(node, "metadata"), true);
  const spec = r.map(node, "spec");
  if (!m) return;
  const id = key(m.namespace, m.name);
  switch (obj.kind) {
    case "ConfigMap": {
      const data = new Map([...r.strings(node, "data")].map(([k, v]) => [k, v.value]));
      for (const [k, v] of r.strings(node, "binaryData")) {
        const decoded = base64(r, v.value, v.node);
        if (decoded !== void 0) data.set(k, decoded);
      }
      out.configMaps.set(id, { obj, meta: m, data });
      break;
    }
    case "Secret": {
      const data = /* @__PURE__ */ new Map();
      for (const [k, v] of r.strings(node, "data")) {
        const decoded = base64(r, v.value, v.node);
        if (decoded !== void 0) data.set(k, decoded);
      }
      for (const [k, v] of r.strings(node, "stringData"))
        data.set(k, Buffer.from(v.value).toString("base64"));
      const type = node.entries.get("type")?.value;
      if (type?.kind === "scalar" && type.value === "Opaque") r.entry(node, "type");
      out.secrets.set(id, { obj, meta: m, data });
      break;
    }
    case "PersistentVolumeClaim": {
      const capacity = storage(r, spec);
      out.claims.set(id, { obj, meta: m, data: capacity !== void 0 ? { capacityBytes: capacity } : {} });
      if (spec) r.ignoreRest(spec, "PersistentVolumeClaim spec");
      break;
    }
    case "Service":
      if (spec) out.services.push({ obj, meta: m, data: service(r, spec) });
      break;
    default:
      if (!spec) r.problem(node, "missing required field `spec`");
      else {
        const w = workload(r, obj, m, spec);
        if (w) out.workloads.push(w);
      }
  }
  r.ignoreRest(node, obj.kind);
}
function base64(r, value, node) {
  const clean = value.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.length % 4 === 0) return clean;
  r.problem(
    node,
    "not base64 (Secret `data` and ConfigMap `binaryData` are base64; use `stringData` or `data` for text)"
  );
  return void 0;
}
function storage(r, spec) {
  const resources3 = spec && r.map(spec, "resources");
  const requests = resources3 && r.map(resources3, "requests");
  const text = requests && r.text(requests, "storage");
  if (text === void 0 || !requests) return void 0;
  const bytes = parseMemory(text);
  if (bytes === void 0)
    r.problem(requests.entries.get("storage")?.value ?? requests, `"${text}" is not a quantity`);
  return bytes;
}
function service(r, spec) {
  const selector = new Map([...r.strings(spec, "selector")].map(([k, v]) => [k, v.value]));
  const ports3 = r.maps(spec, "ports").flatMap((p) => {
    const port2 = r.int(p, "port", 1);
    const name = r.str(p, "name");
    const targetPort = r.entry(p, "targetPort");
    const protocol = r.str(p, "protocol");
    if (protocol !== void 0 && protocol !== "TCP" && protocol !== "UDP") {
      r.problem(r.keyAt(p, "protocol"), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
    }
    r.ignoreRest(p, "Service port");
    if (port2 === void 0) {
      if (!p.entries.has("port")) r.problem(p, "missing required field `port`");
      return [];
    }
    return [{ ...name !== void 0 && { name }, port: port2, ...targetPort && { targetPort }, node: p }];
  });
  r.ignoreRest(spec, "Service spec");
  return { selector, ports: ports3 };
}
function workload(r, obj, meta, spec) {
  if (obj.kind === "Pod") {
    return {
      obj,
      meta,
      replicas: 1,
      podMeta: meta,
      pod: spec,
      podManagementPolicy: "OrderedReady",
      claimTemplates: []
    };
  }
  const replicas = obj.kind === "Job" ? 1 : r.int(spec, "replicas") ?? 1;
  r.entry(spec, "selector");
  const template = r.map(spec, "template");
  const templateSpec = template && r.map(template, "spec");
  if (!template || !templateSpec) {
    r.problem(template ?? spec, "missing required field `template.spec`");
    return void 0;
  }
  const podMeta = readMeta(r, obj, r.map(template, "metadata"), false) ?? {
    ...meta,
    labels: /* @__PURE__ */ new Map(),
    annotations: /* @__PURE__ */ new Map()
  };
  r.ignoreRest(template, "pod template");
  const w = {
    obj,
    meta,
    replicas,
    podMeta: { ...podMeta, name: meta.name, namespace: meta.namespace },
    pod: templateSpec,
    podManagementPolicy: obj.kind === "Deployment" ? "Parallel" : "OrderedReady",
    claimTemplates: []
  };
  if (obj.kind === "StatefulSet") statefulSet(r, spec, w);
  if (obj.kind === "Job") w.job = job2(r, spec);
  r.ignoreRest(spec, `${obj.kind} spec`);
  return w;
}
function statefulSet(r, spec, w) {
  const serviceName = r.str(spec, "serviceName");
  if (serviceName !== void 0) w.serviceName = serviceName;
  const policy = r.str(spec, "podManagementPolicy");
  if (policy === "OrderedReady" || policy === "Parallel") w.podManagementPolicy = policy;
  else if (policy !== void 0) {
    r.problem(r.keyAt(spec, "podManagementPolicy"), `"${policy}" is not one of OrderedReady, Parallel`);
  }
  for (const t of r.maps(spec, "volumeClaimTemplates")) {
    const tMeta = r.map(t, "metadata");
    const name = tMeta && r.str(tMeta, "name");
    if (tMeta) r.ignoreRest(tMeta, "volumeClaimTemplate metadata");
    const tSpec = r.map(t, "spec");
    const capacity = storage(r, tSpec);
    if (tSpec) r.ignoreRest(tSpec, "volumeClaimTemplate spec");
    r.ignoreRest(t, "volumeClaimTemplate");
    if (name === void 0) r.problem(t, "missing required field `metadata.name`");
    else w.claimTemplates.push({ name, ...capacity !== void 0 && { capacityBytes: capacity } });
  }
}
function job2(r, spec) {
  const completions = r.int(spec, "completions", 1);
  if (completions !== void 0 && completions > 1) {
    r.problem(
      r.keyAt(spec, "completions"),
      `completions ${completions}: a Job of more than one completion is ${NOT_YET}`
    );
  }
  const parallelism = r.int(spec, "parallelism", 0);
  if (parallelism !== void 0 && parallelism > 1) {
    r.problem(r.keyAt(spec, "parallelism"), `parallelism ${parallelism} is ${NOT_YET}: one pod at a time`);
  }
  const deadline = r.int(spec, "activeDeadlineSeconds", 1);
  return {
    backoffLimit: r.int(spec, "backoffLimit") ?? K8S.backoffLimit,
    ...deadline !== void 0 && { deadlineSeconds: deadline }
  };
}

// src/spec/kubernetes/probes.ts
function ports2(r, c) {
  return r.maps(c, "ports").flatMap((p) => {
    const containerPort = r.int(p, "containerPort", 1);
    const hostPort = r.int(p, "hostPort", 1);
    const hostIp = r.str(p, "hostIP");
    const protocol = r.str(p, "protocol") ?? "TCP";
    r.entry(p, "name");
    r.ignoreRest(p, "container port");
    if (protocol !== "TCP" && protocol !== "UDP") {
      r.problem(r.keyAt(p, "protocol"), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
      return [];
    }
    if (containerPort === void 0) return [];
    return [
      {
        containerPort,
        hostIp: hostIp ?? "127.0.0.1",
        ...hostPort !== void 0 && { hostPort },
        protocol: protocol === "UDP" ? "udp" : "tcp"
      }
    ];
  });
}
function portNumber2(r, node, container2) {
  if (node === void 0) return void 0;
  if (node.kind === "scalar" && typeof node.value === "number") return node.value;
  if (node.kind === "scalar" && typeof node.value === "string") {
    for (const p of container2.entries.get("ports")?.value.kind === "seq" ? (container2.entries.get("ports")?.value).items : []) {
      if (p.kind !== "map") continue;
      const name = p.entries.get("name")?.value;
      const num = p.entries.get("containerPort")?.value;
      if (name?.kind === "scalar" && name.value === node.value && num?.kind === "scalar" && typeof num.value === "number") {
        return num.value;
      }
    }
    r.problem(node, `no container port named "${String(node.value)}"`);
    return void 0;
  }
  r.problem(node, "expected a port number or name");
  return void 0;
}
function probe3(r, raw, container2, kind) {
  if (!raw) return void 0;
  const d = K8S.probe;
  const exec = r.map(raw, "exec");
  const http = r.map(raw, "httpGet");
  const tcp = r.map(raw, "tcpSocket");
  const grpc = r.map(raw, "grpc");
  let check;
  if (exec) {
    check = { kind: "exec", command: texts(r, exec, "command") ?? [] };
    r.ignoreRest(exec, "exec probe");
  } else if (http) {
    const port2 = portNumber2(r, r.entry(http, "port"), container2);
    const scheme = (r.str(http, "scheme") ?? "HTTP").toLowerCase();
    const host = r.str(http, "host");
    check = port2 === void 0 ? void 0 : {
      kind: "httpGet",
      port: port2,
      path: r.str(http, "path") ?? "/",
      scheme: scheme === "https" ? "https" : "http",
      ...host !== void 0 && { host }
    };
    r.ignoreRest(http, "httpGet probe");
  } else if (tcp) {
    const port2 = portNumber2(r, r.entry(tcp, "port"), container2);
    const host = r.str(tcp, "host");
    check = port2 === void 0 ? void 0 : { kind: "tcpSocket", port: port2, ...host !== void 0 && { host } };
    r.ignoreRest(tcp, "tcpSocket probe");
  } else if (grpc) {
    const port2 = r.int(grpc, "port", 1);
    if (port2 === void 0 && !r.has(grpc, "port")) r.problem(grpc, "a grpc probe needs `port`");
    check = port2 === void 0 ? void 0 : { kind: "grpc", port: port2, service: r.str(grpc, "service") ?? "" };
    r.ignoreRest(grpc, "grpc probe");
  } else {
    r.problem(raw, `a ${kind}Probe needs one of exec, httpGet, tcpSocket, grpc`);
  }
  const successThreshold = r.int(raw, "successThreshold", 1);
  if (kind !== "readiness" && successThreshold !== void 0 && successThreshold !== 1) {
    r.problem(
      r.keyAt(raw, "successThreshold"),
      `a ${kind}Probe's successThreshold must be 1 (as in Kubernetes)`
    );
  }
  const grace = r.int(raw, "terminationGracePeriodSeconds", 1);
  if (kind === "readiness" && grace !== void 0) {
    r.problem(
      r.keyAt(raw, "terminationGracePeriodSeconds"),
      "terminationGracePeriodSeconds is for a startupProbe or livenessProbe (as in Kubernetes): a failing readiness probe stops nothing"
    );
  }
  const result = check && {
    check,
    initialDelayMs: (r.int(raw, "initialDelaySeconds") ?? 0) * 1e3,
    periodMs: (r.int(raw, "periodSeconds", 1) ?? d.periodSeconds) * 1e3,
    timeoutMs: (r.int(raw, "timeoutSeconds", 1) ?? d.timeoutSeconds) * 1e3,
    failureThreshold: r.int(raw, "failureThreshold", 1) ?? d.failureThreshold,
    ...kind === "readiness" && successThreshold !== void 0 && successThreshold > 1 && { successThreshold },
    ...kind !== "readiness" && grace !== void 0 && { terminationGraceSeconds: grace }
  };
  r.ignoreRest(raw, "probe");
  return result;
}
function mainProbes(r, main, isJob) {
  const readiness = probe3(r, r.map(main, "readinessProbe"), main, "readiness");
  if (isJob) {
    for (const p of ["startupProbe", "livenessProbe"]) {
      r.refuse(main, p, `a ${p} on a Job's container is ${NOT_YET}: the job's container runs to completion`);
    }
    return { ...readiness && { readiness } };
  }
  const startup = probe3(r, r.map(main, "startupProbe"), main, "startup");
  const liveness = probe3(r, r.map(main, "livenessProbe"), main, "liveness");
  return { ...readiness && { readiness }, ...startup && { startup }, ...liveness && { liveness } };
}
function refuseProbes(r, c, probes, role) {
  for (const p of probes) {
    r.refuse(
      c,
      p,
      role === "init container" ? `a ${p} on an init container is not valid in Kubernetes` : `${p} on a ${role} is ${NOT_YET}: ${role === "native sidecar" ? "its startupProbe" : "its readinessProbe"} is run`
    );
  }
}

// src/spec/kubernetes/services.ts
function selects(svc, w) {
  const sel = svc.data.selector;
  return svc.meta.namespace === w.meta.namespace && sel.size > 0 && [...sel].every(([k, v]) => w.podMeta.labels.get(k) === v);
}
function aliases(services, w, podName) {
  const out = [];
  const ns = w.meta.namespace;
  const fqdn = (name) => [
    name,
    `${name}.${ns}`,
    `${name}.${ns}.svc`,
    `${name}.${ns}.svc.cluster.local`
  ];
  for (const svc of services) {
    if (!selects(svc, w)) continue;
    out.push(...fqdn(svc.meta.name));
    if (w.serviceName === svc.meta.name) out.push(...fqdn(`${podName}.${svc.meta.name}`));
  }
  return [...new Set(out)].filter((a) => a !== w.meta.name && a !== podName);
}
function serviceEnv(services, ns) {
  const out = [];
  for (const svc of services) {
    if (svc.meta.namespace !== ns) continue;
    const n = envName(svc.meta.name);
    out.push({ name: `${n}_SERVICE_HOST`, value: svc.meta.name, secret: false });
    const [first] = svc.data.ports;
    if (first) out.push({ name: `${n}_SERVICE_PORT`, value: String(first.port), secret: false });
    for (const p of svc.data.ports) {
      if (p.name !== void 0) {
        out.push({ name: `${n}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port), secret: false });
      }
    }
  }
  return out;
}

// src/spec/kubernetes/order.ts
function dependencies(r, objects, services, names) {
  const byName = new Map(services.map((s) => [s.name, s]));
  const behind = /* @__PURE__ */ new Map();
  for (const svc of objects.services) {
    const selected = objects.workloads.filter((w) => selects(svc, w));
    behind.set(
      key(svc.meta.namespace, svc.meta.name),
      selected.map((w) => w.meta.name)
    );
    for (const p of svc.data.ports) {
      for (const w of selected) {
        const main = w.pod.entries.get("containers")?.value;
        const container2 = main?.kind === "seq" ? main.items[0] : void 0;
        if (container2?.kind !== "map" || p.targetPort === void 0) continue;
        const target = portNumber2(r, p.targetPort, container2);
        if (target !== void 0 && target !== p.port) {
          r.problem(
            p.targetPort,
            `targetPort ${target} \u2260 port ${p.port}: Docker's network has no port remapping, so "${svc.meta.name}:${p.port}" would not reach the pod; ${NOT_YET} (use the same number)`
          );
        }
      }
    }
  }
  const edges = /* @__PURE__ */ new Map();
  for (const w of objects.workloads) {
    const s = byName.get(w.meta.name);
    if (!s) continue;
    const first = s.instances[0];
    const text = [
      s.template,
      ...first?.steps ?? [],
      ...first?.containers ?? [],
      ...first?.sidecars ?? []
    ].flatMap((c) => [
      ...c.command ?? [],
      ...c.args ?? [],
      ...c.env.filter((e) => !/_SERVICE_(HOST|PORT)/.test(e.name)).map((e) => e.value)
    ]).join("\n");
    const deps = [];
    for (const svc of objects.services) {
      if (svc.meta.namespace !== w.meta.namespace) continue;
      const n = svc.meta.name;
      const word = new RegExp(
        `(^|[^a-z0-9-])${n.replace(/-/g, "\\-")}([^a-z0-9-]|$)|\\$\\(${envName(n)}_SERVICE_`
      );
      if (word.test(text)) deps.push(...behind.get(key(svc.meta.namespace, n)) ?? []);
    }
    const explicit = w.meta.annotations.get(ANNOTATION.dependsOn);
    for (const d of explicit?.value.split(",").map((x) => x.trim()).filter(Boolean) ?? []) {
      if (names.has(d)) deps.push(d);
      else
        r.problem(
          explicit?.node ?? w.obj.node,
          `${ANNOTATION.dependsOn}: no workload, service or job "${d}"`
        );
    }
    edges.set(
      w.meta.name,
      [...new Set(deps)].filter((d) => d !== w.meta.name)
    );
  }
  const reaches = (from, to, seen = /* @__PURE__ */ new Set()) => from === to || !seen.has(from) && (seen.add(from), (byName.get(from)?.dependsOn ?? []).some((d) => reaches(d, to, seen)));
  for (const [name, deps] of edges) {
    const s = byName.get(name);
    if (!s) continue;
    for (const d of deps) if (!reaches(d, name)) s.dependsOn.push(d);
  }
}

// src/spec/kubernetes/env.ts
function containerEnv(t, c, pod) {
  return mergeEnv2(serviceEnv(t.objects.services, pod.w.meta.namespace), [
    ...envFrom(t, c, pod),
    ...env2(t, c, pod)
  ]);
}
function fieldValue(fieldPath, pod) {
  if (fieldPath === "metadata.name") return pod.podName;
  if (fieldPath === "metadata.namespace") return pod.w.meta.namespace;
  const m = /^metadata\.(labels|annotations)\['([^']+)'\]$/.exec(fieldPath);
  if (!m) return void 0;
  const source = m[1] === "labels" ? pod.w.podMeta.labels : pod.w.podMeta.annotations;
  const v = source.get(m[2] ?? "");
  return v === void 0 ? "" : typeof v === "string" ? v : v.value;
}
function envFrom(t, c, pod) {
  const { r } = t;
  return r.maps(c, "envFrom").flatMap((item) => {
    const prefix = r.str(item, "prefix") ?? "";
    const cm = r.map(item, "configMapRef");
    const sec = r.map(item, "secretRef");
    r.ignoreRest(item, "envFrom");
    const ref = cm ?? sec;
    if (!ref) {
      r.problem(item, "expected `configMapRef` or `secretRef`");
      return [];
    }
    const found = lookup(r, t.objects, ref, sec !== void 0, pod.w.meta.namespace);
    return [...found ?? /* @__PURE__ */ new Map()].map(([k, v]) => ({
      name: `${prefix}${k}`,
      value: sec ? Buffer.from(v, "base64").toString("utf8") : literal(v),
      secret: sec !== void 0
    }));
  });
}
function env2(t, c, pod) {
  const { r } = t;
  return r.maps(c, "env").flatMap((item) => {
    const name = r.str(item, "name");
    const value = r.text(item, "value");
    const from = r.map(item, "valueFrom");
    r.ignoreRest(item, "env");
    if (name === void 0) {
      r.problem(item, "missing required field `name`");
      return [];
    }
    if (!from) return [{ name, value: value ?? "", secret: false }];
    const resolved = valueFrom(t, from, pod);
    return resolved ? [{ name, ...resolved }] : [];
  });
}
function valueFrom(t, from, pod) {
  const { r } = t;
  const cm = r.map(from, "configMapKeyRef");
  const sec = r.map(from, "secretKeyRef");
  const field = r.map(from, "fieldRef");
  r.refuse(from, "resourceFieldRef", `resourceFieldRef is ${NOT_YET}`);
  r.ignoreRest(from, "valueFrom");
  const ref = cm ?? sec;
  if (ref) {
    const data = lookup(r, t.objects, ref, sec !== void 0, pod.w.meta.namespace);
    const k = r.str(ref, "key");
    r.ignoreRest(ref, sec ? "secretKeyRef" : "configMapKeyRef");
    if (!data || k === void 0) return void 0;
    const v = data.get(k);
    if (v === void 0) {
      if (!(r.bool(ref, "optional") ?? false)) {
        r.problem(
          ref.entries.get("key")?.value ?? ref,
          `no key "${k}" in ${sec ? "Secret" : "ConfigMap"} "${r.str(ref, "name") ?? ""}"`
        );
      }
      return void 0;
    }
    return sec ? { value: Buffer.from(v, "base64").toString("utf8"), secret: true } : { value: literal(v), secret: false };
  }
  if (field) {
    const fieldPath = r.str(field, "fieldPath");
    r.ignoreRest(field, "fieldRef");
    if (fieldPath === "status.podIP") return { value: "", secret: false, podField: fieldPath };
    const value = fieldPath === void 0 ? void 0 : fieldValue(fieldPath, pod);
    if (value === void 0) {
      r.problem(
        field.entries.get("fieldPath")?.value ?? field,
        `fieldPath ${fieldPath ?? "(missing)"} is ${NOT_YET}: metadata.name, metadata.namespace, metadata.labels['<key>'], metadata.annotations['<key>'], status.podIP are`
      );
      return void 0;
    }
    return { value: literal(value), secret: false };
  }
  r.problem(from, "expected `configMapKeyRef`, `secretKeyRef` or `fieldRef`");
  return void 0;
}

// src/spec/kubernetes/volumes.ts
import path4 from "node:path";
import { existsSync as existsSync2, realpathSync as realpathSync3 } from "node:fs";
function podVolumes(t, w, podName) {
  const { r } = t;
  const out = /* @__PURE__ */ new Map();
  for (const tpl of w.claimTemplates) {
    out.set(tpl.name, {
      source: { kind: "claim", ...tpl.capacityBytes !== void 0 && { capacityBytes: tpl.capacityBytes } },
      readOnly: false
    });
  }
  const pod = { w, podName, ordinal: 0, volumes: out };
  for (const v of r.maps(w.pod, "volumes")) {
    const name = r.str(v, "name");
    if (name === void 0) {
      r.problem(v, "missing required field `name`");
      continue;
    }
    const source = volumeSource(t, v, pod);
    r.ignoreRest(v, "volume");
    if (source) out.set(name, source);
  }
  return out;
}
function mounts(r, c, volumes2) {
  return r.maps(c, "volumeMounts").flatMap((m) => {
    const name = r.str(m, "name");
    const mountPath = r.str(m, "mountPath");
    const readOnly = r.bool(m, "readOnly") ?? false;
    const sub = r.str(m, "subPath");
    r.refuse(m, "subPathExpr", `subPathExpr is ${NOT_YET}`);
    r.ignoreRest(m, "volumeMount");
    if (name === void 0 || mountPath === void 0) {
      r.problem(m, "a volumeMount needs `name` and `mountPath`");
      return [];
    }
    const volume2 = volumes2.get(name);
    if (!volume2) {
      r.problem(
        m.entries.get("name")?.value ?? m,
        `no volume "${name}" in the pod${volumes2.size > 0 ? ` (volumes: ${[...volumes2.keys()].join(", ")})` : ""}`
      );
      return [];
    }
    const mount = { name, mountPath, readOnly: readOnly || volume2.readOnly, source: volume2.source };
    if (sub === void 0 || sub === "") return [mount];
    const part = subPath(r, mount, sub, m.entries.get("subPath")?.value ?? m);
    return part ? [part] : [];
  });
}
function volumeSource(t, v, pod) {
  const { r, options } = t;
  const emptyDir = v.entries.has("emptyDir");
  r.entry(v, "emptyDir");
  if (emptyDir) return { source: { kind: "emptyDir" }, readOnly: false };
  const cm = r.map(v, "configMap");
  const sec = r.map(v, "secret");
  if (cm || sec) {
    const ref = cm ?? sec;
    const data = lookup(
      r,
      t.objects,
      ref,
      sec !== void 0,
      pod.w.meta.namespace,
      sec ? "secretName" : "name"
    );
    const projected = files(r, ref, data ?? /* @__PURE__ */ new Map(), sec !== void 0);
    r.ignoreRest(ref, sec ? "secret volume" : "configMap volume");
    return { source: { kind: "files", files: projected, secret: sec !== void 0 }, readOnly: true };
  }
  const claim = r.map(v, "persistentVolumeClaim");
  if (claim) {
    const claimName = r.str(claim, "claimName");
    const readOnly = r.bool(claim, "readOnly") ?? false;
    r.ignoreRest(claim, "persistentVolumeClaim");
    if (claimName === void 0) {
      r.problem(claim, "missing required field `claimName`");
      return void 0;
    }
    const pvc = t.objects.claims.get(key(pod.w.meta.namespace, claimName));
    if (!pvc) {
      r.problem(
        claim.entries.get("claimName")?.value ?? claim,
        `no PersistentVolumeClaim "${claimName}" among the input files`
      );
      return void 0;
    }
    return { source: { kind: "claim", claimName, ...pvc.data }, readOnly };
  }
  const host = r.map(v, "hostPath");
  if (host) {
    const p = r.str(host, "path");
    r.ignoreRest(host, "hostPath");
    if (p === void 0) {
      r.problem(host, "missing required field `path`");
      return void 0;
    }
    const abs = path4.resolve(path4.dirname(pod.w.obj.absFile), p);
    const node = host.entries.get("path")?.value ?? host;
    if (!existsSync2(abs)) r.problem(node, `hostPath ${p} does not exist (${abs})`);
    else if (!options.allowPrivileged) {
      const rel = path4.relative(options.workspace, abs);
      if (rel.startsWith("..") || path4.isAbsolute(rel)) {
        r.problem(node, `hostPath ${p} is outside the workspace ${options.workspace}; ${ALLOW_HINT2}`);
      }
    }
    return { source: { kind: "hostPath", path: abs }, readOnly: false };
  }
  const downward = r.map(v, "downwardAPI");
  if (downward) {
    const mode = r.int(downward, "defaultMode") ?? K8S.fileMode;
    const projected = r.maps(downward, "items").flatMap((item) => {
      const p = r.str(item, "path");
      const field = r.map(item, "fieldRef");
      const fieldPath = field && r.str(field, "fieldPath");
      if (field) r.ignoreRest(field, "fieldRef");
      const itemMode = r.int(item, "mode");
      r.ignoreRest(item, "downwardAPI item");
      const value = fieldPath === void 0 ? void 0 : downwardFile(fieldPath, pod);
      if (p === void 0 || value === void 0) {
        r.problem(
          item,
          `a downwardAPI item needs a \`path\` and a \`fieldRef\` of metadata.name, metadata.namespace, metadata.labels or metadata.annotations (${NOT_YET} otherwise)`
        );
        return [];
      }
      return [{ path: p, contentBase64: Buffer.from(value).toString("base64"), mode: itemMode ?? mode }];
    });
    r.ignoreRest(downward, "downwardAPI volume");
    return { source: { kind: "files", files: projected, secret: false }, readOnly: true };
  }
  const kinds = [...v.entries.keys()].filter((k) => k !== "name");
  r.problem(
    v,
    `volume type ${kinds.join(", ") || "(none)"} is ${NOT_YET}: emptyDir, configMap, secret, persistentVolumeClaim, hostPath and downwardAPI are`
  );
  for (const k of kinds) r.entry(v, k);
  return void 0;
}
function downwardFile(fieldPath, pod) {
  if (fieldPath === "metadata.labels" || fieldPath === "metadata.annotations") {
    const source = fieldPath === "metadata.labels" ? [...pod.w.podMeta.labels] : [...pod.w.podMeta.annotations].map(([k, v]) => [k, v.value]);
    return source.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n");
  }
  return fieldValue(fieldPath, pod);
}
function files(r, ref, data, secret) {
  const mode = r.int(ref, "defaultMode") ?? K8S.fileMode;
  const encode = (v) => secret ? v : Buffer.from(v).toString("base64");
  const items = r.maps(ref, "items");
  if (items.length === 0) {
    return [...data].map(([k, v]) => ({ path: k, contentBase64: encode(v), mode }));
  }
  return items.flatMap((item) => {
    const k = r.str(item, "key");
    const p = r.str(item, "path");
    const itemMode = r.int(item, "mode");
    r.ignoreRest(item, "volume item");
    const v = k === void 0 ? void 0 : data.get(k);
    if (k === void 0 || p === void 0) {
      r.problem(item, "an item needs `key` and `path`");
      return [];
    }
    if (p.startsWith("/") || p.split("/").includes("..")) {
      r.problem(
        item.entries.get("path")?.value ?? item,
        `path ${p} must be relative and must not contain '..'`
      );
      return [];
    }
    if (v === void 0) {
      if (data.size > 0 || !(r.bool(ref, "optional") ?? false))
        r.problem(item.entries.get("key")?.value ?? item, `no key "${k}"`);
      return [];
    }
    return [{ path: p, contentBase64: encode(v), mode: itemMode ?? mode }];
  });
}
function subPath(r, mount, sub, node) {
  if (sub.startsWith("/") || sub.split("/").includes("..")) {
    r.problem(node, `subPath ${sub} must be a relative path without '..'`);
    return void 0;
  }
  const clean = path4.posix.normalize(sub).replace(/\/$/, "");
  const { source } = mount;
  switch (source.kind) {
    case "hostPath": {
      const joined = path4.join(source.path, clean);
      if (!existsSync2(joined)) {
        r.problem(node, `subPath ${sub} does not exist in hostPath ${source.path}`);
        return void 0;
      }
      const inside = path4.relative(realpathSync3(source.path), realpathSync3(joined));
      if (inside.startsWith("..") || path4.isAbsolute(inside)) {
        r.problem(node, `subPath ${sub} resolves outside hostPath ${source.path}`);
        return void 0;
      }
      return { ...mount, source: { kind: "hostPath", path: joined } };
    }
    case "files": {
      const found = source.files.some((f2) => f2.path === clean || f2.path.startsWith(`${clean}/`));
      if (!found) {
        r.problem(
          node,
          `subPath ${sub}: no file or directory of that name in volume "${mount.name}" (${source.files.map((f2) => f2.path).join(", ") || "no files"})`
        );
        return void 0;
      }
      return { ...mount, subPath: clean };
    }
    default:
      r.problem(
        node,
        `subPath on ${source.kind === "emptyDir" ? "an emptyDir" : "a persistentVolumeClaim"} volume: Docker Engine before 25 (API 1.45) cannot mount part of a volume; mount the whole volume`
      );
      return void 0;
  }
}

// src/spec/kubernetes/container.ts
function container(t, c, pod, isMain) {
  const { r } = t;
  const name = r.str(c, "name");
  if (name === void 0 && !c.entries.has("name")) r.problem(c, "missing required field `name`");
  const image = r.str(c, "image");
  if (image === void 0 && !c.entries.has("image")) r.problem(c, "missing required field `image`");
  const command = texts(r, c, "command");
  const args = texts(r, c, "args");
  const workingDir2 = r.str(c, "workingDir");
  const security = r.map(c, "securityContext");
  const sc = securityContext3(r, t.options.allowPrivileged, security, pod, name ?? "?");
  const user = (security && runAs(r, security)) ?? pod.podUser;
  if (security) r.ignoreRest(security, "container securityContext");
  const env3 = containerEnv(t, c, pod);
  const volumes2 = mounts(r, c, pod.volumes);
  const res = r.map(c, "resources");
  const limits = res && r.map(res, "limits");
  const cpu = limits && r.text(limits, "cpu");
  const memory = limits && r.text(limits, "memory");
  const nanoCpus = cpu !== void 0 ? parseCpu(cpu) : void 0;
  const memoryBytes = memory !== void 0 ? parseMemory(memory) : void 0;
  if (cpu !== void 0 && nanoCpus === void 0)
    r.problem(limits?.entries.get("cpu")?.value ?? c, `"${cpu}" is not a CPU quantity`);
  if (memory !== void 0 && memoryBytes === void 0)
    r.problem(limits?.entries.get("memory")?.value ?? c, `"${memory}" is not a quantity`);
  if (limits) r.ignoreRest(limits, "resources.limits");
  if (res) r.ignoreRest(res, "container resources");
  if (!isMain) r.entry(c, "ports");
  return {
    ...image !== void 0 && { image },
    ...command && { command },
    ...args && { args },
    ...workingDir2 !== void 0 && { workingDir: workingDir2 },
    ...user !== void 0 && { user },
    env: env3,
    volumes: volumes2,
    securityContext: sc,
    resources: {
      ...nanoCpus !== void 0 && { nanoCpus },
      ...memoryBytes !== void 0 && { memoryBytes }
    }
  };
}
function podSecurity(r, allowPrivileged, pod) {
  const sc = r.map(pod, "securityContext");
  const podUser = sc ? runAs(r, sc) : void 0;
  const podSeccomp = sc ? seccomp(r, allowPrivileged, sc) : void 0;
  if (sc) r.ignoreRest(sc, "pod securityContext");
  return { podUser, podSeccomp };
}
function runAs(r, sc) {
  const uid = r.int(sc, "runAsUser");
  const gid = r.int(sc, "runAsGroup");
  return uid === void 0 ? void 0 : gid === void 0 ? String(uid) : `${uid}:${gid}`;
}
function seccomp(r, allowPrivileged, sc) {
  const profile = r.map(sc, "seccompProfile");
  if (!profile) return void 0;
  const type = r.str(profile, "type");
  r.ignoreRest(profile, "seccompProfile");
  if (type === "RuntimeDefault" || type === void 0) return void 0;
  if (type === "Unconfined") {
    if (!allowPrivileged) {
      r.problem(r.keyAt(profile, "type"), `seccompProfile type Unconfined; ${ALLOW_HINT2}`);
    }
    return { type: "Unconfined" };
  }
  r.problem(
    r.keyAt(profile, "type"),
    `seccompProfile type ${type} is ${NOT_YET}: RuntimeDefault and Unconfined are`
  );
  return void 0;
}
function securityContext3(r, allowPrivileged, sc, pod, container2) {
  const out = {
    ...pod.podSeccomp && { seccompProfile: pod.podSeccomp },
    capAdd: [],
    capDrop: [],
    privileged: false
  };
  if (!sc) return out;
  const profile = seccomp(r, allowPrivileged, sc);
  if (profile) out.seccompProfile = profile;
  if (r.bool(sc, "privileged") === true) {
    if (!allowPrivileged) {
      r.problem(r.keyAt(sc, "privileged"), `container "${container2}": privileged; ${ALLOW_HINT2}`);
    }
    out.privileged = true;
  }
  const caps = r.map(sc, "capabilities");
  if (caps) {
    const names = (field) => (r.list(caps, field)?.items ?? []).flatMap((i) => {
      const text = r.textOf(i);
      return text === void 0 ? [] : [{ text, node: i }];
    });
    for (const { text, node } of names("add")) {
      if (GATED_CAPABILITIES.has(text.toUpperCase().replace(/^CAP_/, "")) && !allowPrivileged) {
        r.problem(
          node,
          `container "${container2}": capability ${text} reaches past the container; ${ALLOW_HINT2}`
        );
      }
      out.capAdd.push(text);
    }
    out.capDrop = names("drop").map((n) => n.text);
    r.ignoreRest(caps, "capabilities");
  }
  return out;
}

// src/spec/kubernetes/pod.ts
var pullPolicyOf = (value) => value === "Always" || value === "Never" ? value : "IfNotPresent";
function buildPod(t, w, podName, ordinal, policy) {
  const { r } = t;
  const pod = w.pod;
  const volumes2 = podVolumes(t, w, podName);
  const { podUser, podSeccomp } = podSecurity(r, t.options.allowPrivileged, pod);
  const containers = r.maps(pod, "containers");
  const [main, ...more] = containers;
  if (!main) {
    r.problem(pod, "missing required field `containers` (at least one container)");
    return void 0;
  }
  if (more[0] && w.job) {
    r.problem(
      more[0],
      `a Job's pod with several containers is ${NOT_YET}: one container (a helper that runs beside it is a native sidecar: an init container with \`restartPolicy: Always\`)`
    );
  }
  const ctx = { w, podName, ordinal, volumes: volumes2, podUser, podSeccomp };
  const initContainers = r.maps(pod, "initContainers");
  const isSidecar = (c) => r.str(c, "restartPolicy") === "Always";
  checkRunIf(r, w.podMeta, initContainers, isSidecar);
  const steps = [];
  const sidecars = [];
  const sidecarPorts = [];
  for (const c of initContainers) {
    const index2 = steps.length;
    const spec = container(t, c, ctx, isSidecar(c));
    const restart = r.str(c, "restartPolicy");
    if (restart !== void 0 && restart !== "Always") {
      r.problem(
        r.keyAt(c, "restartPolicy"),
        `an init container's restartPolicy can only be Always (a native sidecar), got "${restart}"`
      );
    }
    const pullPolicy3 = pullPolicyOf(r.str(c, "imagePullPolicy"));
    if (restart === "Always") {
      sidecarPorts.push(...ports2(r, c));
      const startupProbe = probe3(r, r.map(c, "startupProbe"), c, "startup");
      refuseProbes(r, c, ["livenessProbe", "readinessProbe"], "native sidecar");
      r.ignoreRest(c, "init container");
      sidecars.push({
        ...spec,
        name: r.str(c, "name") ?? `sidecar-${sidecars.length}`,
        afterSteps: index2,
        pos: c.pos,
        pullPolicy: pullPolicy3,
        ...startupProbe && { startupProbe }
      });
      continue;
    }
    refuseProbes(r, c, ["startupProbe", "livenessProbe", "readinessProbe"], "init container");
    r.ignoreRest(c, "init container");
    const name = r.str(c, "name") ?? `init-${index2}`;
    steps.push({
      ...spec,
      name,
      index: index2,
      pos: c.pos,
      runIf: runIf2(r, w.podMeta, name, spec.volumes),
      timeoutMs: policy.timeoutMs,
      attempts: policy.attempts,
      ...policy.backoff && { backoff: policy.backoff },
      restartPolicy: policy.restartPolicy,
      pullPolicy: pullPolicy3
    });
  }
  const mainSpec = container(t, main, ctx, true);
  const podPorts = ports2(r, main);
  const probes = mainProbes(r, main, w.job !== void 0);
  const pullPolicy2 = pullPolicyOf(r.str(main, "imagePullPolicy"));
  const mainName = r.str(main, "name");
  r.ignoreRest(main, "container");
  const others = w.job ? [] : more.map((c, i) => {
    const spec = container(t, c, ctx, true);
    podPorts.push(...ports2(r, c));
    const readinessProbe = probe3(r, r.map(c, "readinessProbe"), c, "readiness");
    refuseProbes(r, c, ["startupProbe", "livenessProbe"], "pod's other container");
    const pulls = pullPolicyOf(r.str(c, "imagePullPolicy"));
    const name = r.str(c, "name") ?? `container-${i + 1}`;
    r.ignoreRest(c, "container");
    return { ...spec, name, pullPolicy: pulls, ...readinessProbe && { readinessProbe } };
  });
  podPorts.push(...sidecarPorts);
  r.ignoreRest(pod, "pod spec");
  const instanceEnv2 = [
    { name: "INITSTEPS_SERVICE", value: w.meta.name, secret: false },
    { name: "INITSTEPS_INSTANCE", value: podName, secret: false },
    { name: "INITSTEPS_REPLICA_ORDINAL", value: String(ordinal), secret: false }
  ];
  const withInstance = (c) => ({ ...c, env: mergeEnv2(c.env, instanceEnv2) });
  return {
    instance: {
      service: w.meta.name,
      name: podName,
      ordinal,
      steps: steps.map(withInstance),
      main: withInstance(mainSpec),
      ...mainName !== void 0 && { mainName },
      ...others.length > 0 && { containers: others.map(withInstance) },
      ...sidecars.length > 0 && { sidecars: sidecars.map(withInstance) }
    },
    template: mainSpec,
    ports: podPorts,
    probes,
    pullPolicy: pullPolicy2
  };
}
function checkRunIf(r, podMeta, initContainers, isSidecar) {
  const names = new Set(initContainers.filter((c) => !isSidecar(c)).map((c) => r.str(c, "name")));
  const sidecarNames = new Set(initContainers.filter(isSidecar).map((c) => r.str(c, "name")));
  for (const [annotation, { node }] of podMeta.annotations) {
    if (!annotation.startsWith(ANNOTATION.runIf)) continue;
    const target = annotation.slice(ANNOTATION.runIf.length);
    if (sidecarNames.has(target)) {
      r.problem(node, `${annotation}: "${target}" is a native sidecar, which starts on every pod start`);
    } else if (!names.has(target)) {
      r.problem(
        node,
        `${annotation}: no init container "${target}" in this pod${names.size > 0 ? ` (init containers: ${[...names].join(", ")})` : ""}`
      );
    }
  }
}
function runIf2(r, podMeta, container2, mounts2) {
  const a = podMeta.annotations.get(`${ANNOTATION.runIf}${container2}`);
  if (!a) return { type: "always" };
  const value = a.value.trim();
  if (value === "always") return { type: "always" };
  if (value === "freshVolume") return { type: "freshVolume" };
  if (value.startsWith("fileMissing:")) {
    const file = value.slice("fileMissing:".length).trim();
    const under = mounts2.find(
      (m) => file === m.mountPath || file.startsWith(`${m.mountPath.replace(/\/$/, "")}/`)
    );
    if (!file.startsWith("/") || !under) {
      r.problem(
        a.node,
        `fileMissing:${file}: the path must be absolute and on a volume mounted in init container "${container2}"`
      );
    }
    return { type: "fileMissing", path: file };
  }
  r.problem(a.node, `"${value}" is not one of freshVolume, fileMissing:<path>, always`);
  return { type: "always" };
}

// src/spec/kubernetes/workload.ts
function workloadService(t, w) {
  const { r } = t;
  const pod = w.pod;
  const restart = r.str(pod, "restartPolicy") ?? (w.job ? void 0 : "Always");
  if (restart !== void 0 && !["Always", "OnFailure", "Never"].includes(restart)) {
    r.problem(r.keyAt(pod, "restartPolicy"), `"${restart}" is not one of Always, OnFailure, Never`);
  }
  if (w.job && restart !== "OnFailure" && restart !== "Never") {
    r.problem(
      r.keyAt(pod, "restartPolicy"),
      "a Job's pod template needs `restartPolicy: OnFailure` or `Never` (as in Kubernetes)"
    );
  }
  const podDeadline = r.int(pod, "activeDeadlineSeconds", 1);
  for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
    if (r.bool(pod, field) === true) {
      r.problem(
        r.keyAt(pod, field),
        `${field}: the pod would share the runner's ${field.slice(4)} namespace; ${NOT_YET} (every pod runs in its own sandbox)`
      );
    }
  }
  const timeoutMs = timeout(r, w.podMeta);
  const retry = retries(r, w.podMeta, restart === "Never");
  const instances = [];
  let ports3 = [];
  let probes = {};
  let pullPolicy2 = "IfNotPresent";
  let template;
  for (let ordinal = 0; ordinal < w.replicas; ordinal++) {
    const podName = `${w.meta.name}-${ordinal}`;
    const built = buildPod(t, w, podName, ordinal, {
      restartPolicy: restart === "Never" ? "Never" : "OnFailure",
      timeoutMs,
      ...retry
    });
    if (!built) return placeholder(w);
    ports3 = built.ports;
    probes = built.probes;
    pullPolicy2 = built.pullPolicy;
    template ??= built.template;
    instances.push({ ...built.instance, aliases: aliases(t.objects.services, w, podName) });
  }
  if (w.replicas > 1) {
    for (const p of ports3) {
      if (p.hostPort !== void 0) {
        r.problem(
          { pos: w.meta.namePos, path: "metadata.name" },
          `hostPort ${p.hostPort} with ${w.replicas} replicas: one host port cannot serve them all`
        );
      }
    }
  }
  const deadline = [w.job?.deadlineSeconds, podDeadline].filter((d) => d !== void 0);
  const job3 = w.job && {
    restartPolicy: restart === "Never" ? "Never" : "OnFailure",
    attempts: w.job.backoffLimit + 1,
    timeoutMs,
    ...retry.backoff && { backoff: retry.backoff },
    ...deadline.length > 0 && { activeDeadlineMs: Math.min(...deadline) * 1e3 },
    pos: w.meta.namePos
  };
  return {
    name: w.meta.name,
    pos: w.meta.namePos,
    file: w.obj.absFile,
    runtime: "container",
    pullPolicy: pullPolicy2,
    replicas: w.replicas,
    podManagementPolicy: w.podManagementPolicy,
    ports: job3 ? [] : ports3,
    dependsOn: [],
    ...probes.readiness && !job3 && { readinessProbe: probes.readiness },
    ...probes.startup && { startupProbe: probes.startup },
    ...probes.liveness && { livenessProbe: probes.liveness },
    // What a failing startup or liveness probe does (docs/kubernetes.md#probes).
    ...(probes.startup || probes.liveness) && {
      restartPolicy: restart === "Never" ? "Never" : restart === "OnFailure" ? "OnFailure" : "Always"
    },
    ...podDeadline !== void 0 && !job3 && { activeDeadlineMs: podDeadline * 1e3 },
    template: template ?? emptyContainer(),
    instances,
    ...job3 && { job: job3 },
    origin: { kind: w.obj.kind, name: w.meta.name, namespace: w.meta.namespace }
  };
}
function placeholder(w) {
  return {
    name: w.meta.name,
    pos: w.meta.namePos,
    file: w.obj.absFile,
    runtime: "container",
    pullPolicy: "IfNotPresent",
    podManagementPolicy: "OrderedReady",
    replicas: 0,
    ports: [],
    dependsOn: [],
    template: emptyContainer(),
    instances: []
  };
}
function timeout(r, podMeta) {
  const a = podMeta.annotations.get(ANNOTATION.timeout);
  if (!a) return K8S.timeoutMs;
  const ms = parseDuration(a.value);
  if (ms === void 0) r.problem(a.node, `${ANNOTATION.timeout}: "${a.value}" is not a duration (5m, 90s)`);
  return ms ?? K8S.timeoutMs;
}
function retries(r, podMeta, never) {
  const duration = (name) => {
    const a2 = podMeta.annotations.get(name);
    if (!a2) return void 0;
    const ms = parseDuration(a2.value);
    if (ms === void 0) r.problem(a2.node, `${name}: "${a2.value}" is not a duration (1s, 500ms)`);
    return ms;
  };
  const baseMs = duration(ANNOTATION.backoffBase);
  const capMs = duration(ANNOTATION.backoffCap);
  const backoff2 = {
    ...baseMs !== void 0 && { baseMs },
    ...capMs !== void 0 && { capMs }
  };
  const a = podMeta.annotations.get(ANNOTATION.attempts);
  let attempts = never ? 1 : K8S.stepAttempts;
  if (a) {
    const n = /^\d+$/.test(a.value.trim()) ? Number(a.value.trim()) : NaN;
    if (!(n >= 1 && n <= 100)) {
      r.problem(a.node, `${ANNOTATION.attempts}: "${a.value}" is not a whole number from 1 to 100`);
    } else if (never && n > 1) {
      r.problem(
        a.node,
        `${ANNOTATION.attempts}: ${n} contradicts restartPolicy Never (a failed init container fails the pod)`
      );
    } else attempts = n;
  }
  return { attempts, ...Object.keys(backoff2).length > 0 && { backoff: backoff2 } };
}

// src/spec/kubernetes/translate.ts
var Translator = class {
  constructor(r, options) {
    this.r = r;
    this.options = options;
  }
  r;
  options;
  translate(objects) {
    const t = { r: this.r, options: this.options, objects: indexObjects(this.r, objects) };
    const names = new Map(this.options.nativeNames);
    const out = [];
    for (const w of t.objects.workloads) {
      const first = names.get(w.meta.name);
      if (first) {
        this.r.problem(
          { pos: w.meta.namePos, path: "metadata.name" },
          `duplicate name "${w.meta.name}" (first declared at ${first.file}:${first.line}:${first.col}): workloads, services and jobs share one namespace`
        );
        continue;
      }
      names.set(w.meta.name, w.meta.namePos);
      out.push(workloadService(t, w));
    }
    dependencies(this.r, t.objects, out, names);
    return out;
  }
};

// src/spec/load.ts
var MAX_SPEC_BYTES = 2 * 1024 * 1024;
var ALIAS_ALLOWANCE = 1e5;
var start = (file) => ({ file, line: 1, col: 1 });
function offsetPos(file, text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { file, line, col: offset - before.lastIndexOf("\n") };
}
function findWorkspace(firstFile) {
  const dir = path5.dirname(path5.resolve(firstFile));
  for (let d = dir; ; d = path5.dirname(d)) {
    if (existsSync3(path5.join(d, ".git"))) return d;
    if (path5.dirname(d) === d) return dir;
  }
}
var projectNameFrom = (dir) => path5.basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z0-9]+|-+$/g, "") || "initsteps";
var PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
var projectNameProblem = (name) => PROJECT_NAME.test(name) ? void 0 : `project name "${name}" is not valid: use lowercase letters, digits, '_' and '-', starting with a letter or digit`;
function loadSource(src, problems, docs, kube) {
  const { file, text } = src;
  if (text.length > MAX_SPEC_BYTES) {
    problems.push({
      pos: start(file),
      path: "",
      message: `file is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`
    });
    return;
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    problems.push({
      pos: offsetPos(file, text, nul),
      path: "",
      message: "not a text file (contains NUL bytes)"
    });
    return;
  }
  const lines = new import_yaml4.LineCounter();
  const parsed = (0, import_yaml4.parseAllDocuments)(text, {
    lineCounter: lines,
    prettyErrors: false,
    merge: true,
    // yaml checks unique keys in quadratic time (20k keys: 18 s); the walker reports duplicates instead.
    uniqueKeys: false
  });
  const yamlDocs = Array.isArray(parsed) ? parsed : [parsed];
  if (yamlDocs.length === 0) {
    problems.push({
      pos: start(file),
      path: "",
      message: "empty file: expected at least one Service document"
    });
    return;
  }
  const absFile = path5.resolve(file);
  const kubeBefore = kube.length;
  const empties = [];
  for (const doc of yamlDocs) {
    const at2 = (offset) => ({ file, ...lines.linePos(offset) });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ pos: at2(e.pos[0]), path: "", message: e.message });
      continue;
    }
    const contents = doc.contents;
    if (contents === null || (0, import_yaml4.isScalar)(contents) && contents.value === null && !contents.source) {
      empties.push(at2(doc.range[0]));
      continue;
    }
    const apiVersion = (0, import_yaml4.isMap)(contents) ? contents.get("apiVersion") : void 0;
    if (typeof apiVersion === "string" && !apiVersion.startsWith("initsteps")) {
      const located = locate(file, doc, lines, problems, text.length + ALIAS_ALLOWANCE);
      const kind = located && classify(located);
      if (!located || !kind) continue;
      if (located.kind === "map" && kind.is !== "native") {
        if (kind.is === "ambiguous") problems.push({ pos: located.pos, path: "", message: kind.message });
        else if (kind.is === "kubernetes") kube.push({ file, absFile, node: located, ...kind });
        else {
          const items = located.entries.get("items")?.value;
          for (const item of items?.kind === "seq" ? items.items : []) {
            const itemKind = classify(item);
            if (item.kind === "map" && itemKind.is === "kubernetes")
              kube.push({ file, absFile, node: item, ...itemKind });
            else
              problems.push({
                pos: item.pos,
                path: item.path,
                message: "a `kind: List` holds Kubernetes objects (apiVersion and kind as in Kubernetes)"
              });
          }
        }
        continue;
      }
    }
    const walker = new Walker(file, doc, lines, problems, text.length + ALIAS_ALLOWANCE);
    const service2 = walker.walk(SERVICE_DOCUMENT, contents);
    if (service2 !== void 0) docs.push({ file, absFile, service: service2 });
  }
  if (kube.length > kubeBefore) return;
  for (const pos of empties) problems.push({ pos, path: "", message: "empty document: expected a Service" });
}
function loadFromText(sources, options = {}) {
  const problems = [];
  const first = sources[0];
  if (!first) {
    return { ok: false, problems: [{ pos: start(""), path: "", message: "no spec files given" }] };
  }
  try {
    const docs = [];
    const kube = [];
    for (const src of sources) {
      try {
        loadSource(src, problems, docs, kube);
      } catch (e) {
        problems.push({ pos: start(src.file), path: "", message: `cannot load: ${errorMessage(e)}` });
      }
    }
    const workspace = path5.resolve(options.workspace ?? findWorkspace(first.file));
    const env3 = options.env ?? process.env;
    const rules = new RuleChecker(problems, {
      workspace,
      env: env3,
      allowPrivileged: options.allowPrivileged ?? false
    });
    for (const doc of docs) rules.service(doc);
    const nativeNames = /* @__PURE__ */ new Map();
    for (const d of docs) {
      const name = d.service.metadata?.name;
      if (name !== void 0 && d.service.metadata && !nativeNames.has(name)) {
        nativeNames.set(name, valueLoc(d.service.metadata, "name").pos);
      }
    }
    const reader = new Reader(problems);
    const translated = new Translator(reader, {
      workspace,
      allowPrivileged: options.allowPrivileged ?? false,
      nativeNames
    }).translate(kube);
    rules.project(docs, new Set(translated.map((s) => s.name)));
    const project = options.project ?? projectNameFrom(workspace);
    const projectProblem = projectNameProblem(project);
    if (projectProblem) problems.push({ pos: start(first.file), path: "", message: projectProblem });
    if (problems.length > 0) return { ok: false, problems: sortProblems(problems, sources) };
    const services = orderByDependencies([
      ...docs.map(
        (d) => resolveService(d, env3, { profiles: rules.profiles, matchers: rules.matcherFiles.files })
      ),
      ...translated
    ]);
    const files2 = [...new Set(sources.map((s) => path5.resolve(s.file)))];
    const allowPrivileged = options.allowPrivileged ?? false;
    return {
      ok: true,
      project: { name: project, workspace, files: files2, services, allowPrivileged },
      warnings: sortProblems([...unresolvedReferences(docs, services), ...reader.notices()], sources)
    };
  } catch (e) {
    problems.push({
      pos: start(first.file),
      path: "",
      message: `internal error while loading the spec: ${errorMessage(e)}`
    });
    return { ok: false, problems: sortProblems(problems, sources) };
  }
}
function sortProblems(problems, sources) {
  const order = new Map(sources.map((s, i) => [s.file, i]));
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key2 = `${p.pos.file}:${p.pos.line}:${p.pos.col}:${p.path}:${p.message}`;
    return seen.has(key2) ? false : (seen.add(key2), true);
  }).sort(
    (a, b) => (order.get(a.pos.file) ?? 0) - (order.get(b.pos.file) ?? 0) || a.pos.line - b.pos.line || a.pos.col - b.pos.col
  );
}

// src/spec/index.ts
var start2 = (file) => ({ file, line: 1, col: 1 });
async function readSpec(file) {
  try {
    const st = await stat(file);
    if (st.isDirectory()) return { pos: start2(file), path: "", message: "is a directory, not a spec file" };
    if (!st.isFile()) return { pos: start2(file), path: "", message: "is not a regular file" };
    if (st.size > MAX_SPEC_BYTES) {
      return {
        pos: start2(file),
        path: "",
        message: `file is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`
      };
    }
    const bytes = await readFile(file);
    const binary = bytes.includes(0);
    try {
      return { file, text: new TextDecoder("utf-8", { fatal: !binary }).decode(bytes) };
    } catch {
      return { pos: start2(file), path: "", message: "not a text file (invalid UTF-8)" };
    }
  } catch (e) {
    const code = e?.code;
    const message = code === "ENOENT" ? "file not found" : `cannot read: ${errorMessage(e)}`;
    return { pos: start2(file), path: "", message };
  }
}
async function loadProject(options) {
  const { files: files2, ...rest } = options;
  try {
    const read = await Promise.all(files2.map(readSpec));
    const unreadable = read.filter((r) => "pos" in r);
    const sources = read.filter((r) => !("pos" in r));
    if (unreadable.length === 0) return loadFromText(sources, rest);
    const result = sources.length > 0 ? loadFromText(sources, rest) : void 0;
    const problems = [...unreadable, ...result && !result.ok ? result.problems : []];
    const order = (p) => files2.indexOf(p.pos.file);
    return { ok: false, problems: problems.sort((a, b) => order(a) - order(b)) };
  } catch (e) {
    return {
      ok: false,
      problems: [{ pos: start2(files2[0] ?? ""), path: "", message: `cannot load: ${errorMessage(e)}` }]
    };
  }
}

export {
  MAX_DURATION_MS,
  parseDuration,
  parseMemory,
  withoutRunnerVariables,
  viewOf,
  addressedDependencies,
  addressVariables,
  usesPodFields,
  withPodFields,
  expandContainer,
  projectNameProblem,
  loadProject
};
