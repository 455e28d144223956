/** Typed views of documents that passed schema validation; they mirror schemas/*.schema.json. */
export interface SourceRef {
  document: string;
  title?: string;
  url?: string;
  /** 原文 (stated by the source; the default) or 推断 (inferred from sourced facts, explained in `note`). */
  confidence?: '原文' | '推断';
  note?: string;
}

export interface Matter {
  kind: 'Matter';
  id: string;
  name: string;
  source?: SourceRef;
  refines?: string;
  eligible?: string;
  status?: string;
  basicCode?: string;
  localBasicCode?: string;
  implCode?: string;
  localImplCode?: string;
  handleItemCode?: string;
  type?: string;
  levels?: string[];
  powerSource?: string;
  department?: string;
  subjectNature?: string;
  entrustingDepartment?: string;
  coDepartments?: string[];
  audience?: string[];
  basis?: { id: string; law?: string; citation: string; content?: string }[];
  conditions?: { id: string; text: string; when?: string }[];
  fields?: { field: string; required?: boolean; label?: string; when?: string }[];
  materials?: {
    id: string;
    material: string;
    name?: string;
    channel?: string;
    form?: string;
    necessity: string;
    when?: string;
    originals?: number;
    copies?: number;
  }[];
  steps?: { id: string; name: string; phase: string; department?: string; limit?: string; when?: string }[];
  stepsNote?: string;
  specialProcedures?: { id: string; name: string; limit?: string }[];
  statutoryLimit?: string;
  promisedLimit?: string;
  caseType?: string;
  reviewType?: string;
  handlingForms?: string[];
  visits?: number;
  visitReason?: string;
  onlineDepth?: string[];
  fullyOnline?: boolean;
  fee?: {
    charged: boolean;
    basis?: string[];
    onlinePayment?: boolean;
    items?: { id: string; name: string; standard: string }[];
  };
  result?: { type: string; name?: string; sample?: string };
  produces?: string[];
  contacts?: { consultation?: string; complaint?: string };
  faq?: { id: string; question: string; answer: string }[];
}

export interface Bundle {
  kind: 'Bundle';
  id: string;
  name: string;
  /** Other official or local names of the bundle (公民身后一件事 for 个人身后一件事). */
  aliases?: string[];
  source?: SourceRef;
  refines?: string;
  eligible?: string;
  audience?: string;
  stage?: string;
  leadDepartment?: string;
  coDepartments?: string[];
  components?: { id: string; matter: string; optional?: boolean; when?: string }[];
  promisedLimit?: string;
  visits?: number;
  modes?: string[];
}

export interface Waiver {
  id: string;
  code: string;
  subject: string;
  item?: string;
  basis: string;
  document: string;
  approver: string;
  expires: string;
  note?: string;
}

export interface List {
  kind: 'List';
  id: string;
  name: string;
  level: string;
  issuer?: string;
  region?: string;
  publishedCount?: number;
  source?: SourceRef;
  effective?: string;
  extends?: string[];
  items?: { id: string; bundle: string; leadDepartment?: string; source?: SourceRef }[];
  waivers?: Waiver[];
}

export interface Department {
  kind: 'Department';
  id: string;
  name: string;
  shortName?: string;
  level: string;
  uscc?: string;
}

export interface Law {
  kind: 'Law';
  id: string;
  title: string;
  aliases?: string[];
  rank: string;
  status: string;
  docNumber?: string;
  effective?: string;
  supersededBy?: string;
}

export interface Material {
  kind: 'Material';
  id: string;
  name: string;
  aliases?: string[];
  eLicense?: boolean;
  shareable?: boolean;
}

export interface Field {
  kind: 'Field';
  id: string;
  name: string;
  type: string;
}
