<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>pos</name>
    <message>
      <location filename="../app.py" line="100" />
      <source>Cashier</source>
      <translation>收银员</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Supervisor</source>
      <translation>领班</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Manager</source>
      <translation>店长</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>ok</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>degraded</source>
      <translation>异常</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../app.py" line="196" />
      <source>Numpad</source>
      <translation>数字键盘</translation>
    </message>
    <message>
      <location filename="../app.py" line="201" />
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <location filename="../app.py" line="204" />
      <source>Log out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <location filename="../app.py" line="255" />
      <source>HQ: %1 · %2 events waiting</source>
      <translation>总部：%1 · 待上传 %2 条</translation>
    </message>
    <message>
      <location filename="../app.py" line="274" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../app.py" line="374" />
      <source>%1 is not open to your role</source>
      <translation>您的角色不能打开%1</translation>
    </message>
    <message>
      <location filename="../app.py" line="457" />
      <source>Sale %1: %2, change %3</source>
      <translation>小票 %1：%2，找零 %3</translation>
    </message>
    <message>
      <location filename="../app.py" line="460" />
      <source>%1 points earned</source>
      <translation>获得积分 %1</translation>
    </message>
    <message>
      <location filename="../app.py" line="462" />
      <source>offline stored value used: %1</source>
      <translation>使用离线储值：%1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="28" />
      <source>price override</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../approval.py" line="29" />
      <source>refund</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../approval.py" line="30" />
      <source>card replacement</source>
      <translation>补卡</translation>
    </message>
    <message>
      <location filename="../approval.py" line="31" />
      <source>opening a shift</source>
      <translation>开班</translation>
    </message>
    <message>
      <location filename="../approval.py" line="32" />
      <source>closing a shift</source>
      <translation>交班</translation>
    </message>
    <message>
      <location filename="../approval.py" line="33" />
      <source>void after payment</source>
      <translation>付款后作废</translation>
    </message>
    <message>
      <location filename="../approval.py" line="34" />
      <source>manual discount</source>
      <translation>手工折扣</translation>
    </message>
    <message>
      <location filename="../approval.py" line="35" />
      <source>a tier change</source>
      <translation>调整会员等级</translation>
    </message>
    <message>
      <location filename="../approval.py" line="45" />
      <source>Supervisor approval</source>
      <translation>领班授权</translation>
    </message>
    <message>
      <location filename="../approval.py" line="49" />
      <source>Approval needed for: %1</source>
      <translation>需要授权：%1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="56" />
      <source>Supervisor code</source>
      <translation>领班工号</translation>
    </message>
    <message>
      <location filename="../approval.py" line="57" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../approval.py" line="64" />
      <source>Approve</source>
      <translation>授权</translation>
    </message>
    <message>
      <location filename="../approval.py" line="65" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../balance.py" line="112" />
      <source>Find a member first</source>
      <translation>请先查询会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="123" />
      <source>Slip %1 printed</source>
      <translation>余额单 %1 已打印</translation>
    </message>
    <message>
      <location filename="../balance.py" line="26" />
      <source>Balance</source>
      <translation>余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="27" />
      <source>Balance slip</source>
      <translation>余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="29" />
      <source>Find a member by card or phone</source>
      <translation>按卡号或手机号查会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="30" />
      <source>Print the balance slip</source>
      <translation>打印余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="42" />
      <source>Card number or phone; or present the card</source>
      <translation>卡号或手机号；或刷卡</translation>
    </message>
    <message>
      <location filename="../balance.py" line="45" />
      <source>Find</source>
      <translation>查询</translation>
    </message>
    <message>
      <location filename="../balance.py" line="50" />
      <source>No member selected</source>
      <translation>未选择会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="67" />
      <source>Print slip</source>
      <translation>打印余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="96" />
      <source>preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="100" />
      <source>Supplementary card</source>
      <translation>附属卡</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="105" />
      <source>member price</source>
      <translation>会员价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="106" />
      <source>promotion</source>
      <translation>促销</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="107" />
      <source>tier</source>
      <translation>会员折扣</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="108" />
      <source>spend &amp; get off</source>
      <translation>满减</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="109" />
      <source>coupon</source>
      <translation>优惠券</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="110" />
      <source>stored-value pay discount</source>
      <translation>储值支付折扣</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Item</source>
      <translation>商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Discounts</source>
      <translation>优惠</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="192" />
      <source>Checkout</source>
      <translation>收银</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="195" />
      <source>Quantity of the selected line</source>
      <translation>修改所选行数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="196" />
      <source>Void the selected line</source>
      <translation>删除所选商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="197" />
      <source>Price override (supervisor)</source>
      <translation>改价（领班授权）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="198" />
      <source>Member: card or phone</source>
      <translation>会员：刷卡或手机号</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="199" />
      <source>Coupon</source>
      <translation>优惠券</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="200" />
      <source>Pay</source>
      <translation>结账</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="227" />
      <source>Scan or type a barcode / SKU, Enter</source>
      <translation>扫码或输入条码 / 货号，回车</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="252" />
      <source>List price</source>
      <translation>原价合计</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="256" />
      <source>To pay</source>
      <translation>应付</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="262" />
      <source>Member (card or phone)</source>
      <translation>会员（卡或手机号）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="265" />
      <source>Swipe / tap / insert, or type card or phone</source>
      <translation>刷卡 / 感应 / 插卡，或输入卡号、手机号</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="268" />
      <source>No member</source>
      <translation>未关联会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="278" />
      <source>Type or scan the coupon code</source>
      <translation>输入或扫描券码</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="287" />
      <source>Set qty</source>
      <translation>改数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="294" />
      <source>New unit price</source>
      <translation>新单价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="296" />
      <source>Override</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="300" />
      <source>Void line</source>
      <translation>删除商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="377" />
      <source>Nothing found for %1</source>
      <translation>未找到：%1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="406" />
      <source>Happy birthday, %1!</source>
      <translation>%1，生日快乐！</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="432" />
      <source>Coupon %1 applied</source>
      <translation>已使用优惠券 %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="479" />
      <source>The cart is empty</source>
      <translation>购物车是空的</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="525" />
      <source>Welcome</source>
      <translation>欢迎光临</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="86" />
      <source>Anonymous card</source>
      <translation>不记名卡</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="87" />
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="88" />
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="89" />
      <source>Stored value</source>
      <translation>储值</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="90" />
      <source>principal</source>
      <translation>本金</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="91" />
      <source>bonus</source>
      <translation>赠送</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="95" />
      <source>%1 points expire on %2</source>
      <translation>%1 积分将于 %2 到期</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="110" />
      <source>Total %1</source>
      <translation>合计 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="113" />
      <source>You save %1</source>
      <translation>已优惠 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="117" />
      <source>Paid %1</source>
      <translation>实收 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="118" />
      <source>Change %1</source>
      <translation>找零 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="42" />
      <source>Customer display</source>
      <translation>顾客显示屏</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="129" />
      <source>Everywhere</source>
      <translation>全局</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="134" />
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="137" />
      <source>Scanning works whatever field has focus.</source>
      <translation>无论光标在哪个输入框，扫码都会加入购物车。</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="81" />
      <source>Help (this overlay)</source>
      <translation>帮助（本页）</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="83" />
      <source>Back / close</source>
      <translation>返回 / 关闭</translation>
    </message>
    <message>
      <location filename="../login.py" line="21" />
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../login.py" line="43" />
      <source>Store terminal</source>
      <translation>门店收银</translation>
    </message>
    <message>
      <location filename="../login.py" line="44" />
      <source>Store %1 · terminal %2</source>
      <translation>门店 %1 · 收银机 %2</translation>
    </message>
    <message>
      <location filename="../login.py" line="49" />
      <source>e.g. 1001</source>
      <translation>例如 1001</translation>
    </message>
    <message>
      <location filename="../login.py" line="53" />
      <source>Staff code</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../login.py" line="82" />
      <source>Enter your staff code and PIN</source>
      <translation>请输入工号和密码</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="14" />
      <source>barcode card</source>
      <translation>条码卡</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="15" />
      <source>magnetic stripe (swipe)</source>
      <translation>磁条卡（刷卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="16" />
      <source>chip card (insert)</source>
      <translation>IC卡（插卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="17" />
      <source>contactless (tap)</source>
      <translation>感应卡（非接触）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="18" />
      <source>virtual card</source>
      <translation>虚拟卡</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="29" />
      <source>Next number in sequence</source>
      <translation>按顺序发新卡号</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="30" />
      <source>Present a card (swipe / tap / insert)</source>
      <translation>出示卡（刷卡 / 感应 / 插卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="56" />
      <source>Present the card first</source>
      <translation>请先出示卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="103" />
      <source>New card %1 carries the balance</source>
      <translation>新卡 %1 已转入余额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="133" />
      <source>Supplementary card %1 issued</source>
      <translation>附属卡 %1 已办理</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="30" />
      <source>Cards</source>
      <translation>卡务</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="37" />
      <source>Block lost card</source>
      <translation>挂失冻结</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="41" />
      <source>Replace blocked card (supervisor)</source>
      <translation>补办新卡（领班授权）</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="47" />
      <source>New or supplementary card</source>
      <translation>新卡或附属卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="54" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="58" />
      <source>Holder name</source>
      <translation>持卡人姓名</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="59" />
      <source>Limit per sale</source>
      <translation>单笔限额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="60" />
      <source>Limit per day</source>
      <translation>每日限额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="62" />
      <source>Issue supplementary card</source>
      <translation>办理附属卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="80" />
      <source>Card %1 is blocked</source>
      <translation>卡 %1 已冻结</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="104" />
      <source>The customer must agree to the privacy notice</source>
      <translation>顾客须同意隐私声明</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="112" />
      <source>Birthday: YYYY-MM-DD</source>
      <translation>生日格式：YYYY-MM-DD</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="141" />
      <source>Enrolled: card %1</source>
      <translation>办卡成功：卡号 %1</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="25" />
      <source>Enroll</source>
      <translation>办卡</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="37" />
      <source>YYYY-MM-DD (optional)</source>
      <translation>YYYY-MM-DD（可选）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="39" />
      <source>not given</source>
      <translation>未填</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="40" />
      <source>female</source>
      <translation>女</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="41" />
      <source>male</source>
      <translation>男</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="46" />
      <source>Resident ID (optional; needed for large top-ups)</source>
      <translation>身份证号（可选；大额充值需要）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="47" />
      <source>The customer agrees to the privacy notice (required)</source>
      <translation>顾客同意隐私声明（必选）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="49" />
      <source>Accepts promotion messages</source>
      <translation>接受促销信息</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="56" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="57" />
      <source>Phone</source>
      <translation>手机号</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="58" />
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="59" />
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="60" />
      <source>Email</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="61" />
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="64" />
      <source>Card</source>
      <translation>卡</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="26" />
      <source>sale</source>
      <translation>销售</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="34" />
      <source>Tier changes</source>
      <translation>等级变更</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="36" />
      <source>Recent sales</source>
      <translation>最近消费</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="38" />
      <source>Top-ups</source>
      <translation>充值记录</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="45" />
      <source>Tier and history</source>
      <translation>等级与记录</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="65" />
      <source>Reason (e.g. competitor's VIP card honoured)</source>
      <translation>原因（如：认可竞品VIP卡）</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="66" />
      <source>Set tier (manager)</source>
      <translation>调整等级（店长）</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="84" />
      <source>Give the reason for the tier change</source>
      <translation>请填写调级原因</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="94" />
      <source>Tier is now %1</source>
      <translation>等级已调整为 %1</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="166" />
      <source>card</source>
      <translation>卡</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="39" />
      <source>Members</source>
      <translation>会员</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="40" />
      <source>Member counter</source>
      <translation>会员服务台</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="43" />
      <source>Do the action of the open tab</source>
      <translation>执行当前页的操作</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="115" />
      <source>Topped up: balance %1</source>
      <translation>充值成功：余额 %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Bank card</source>
      <translation>银行卡</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="25" />
      <source>Top up</source>
      <translation>充值</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="37" />
      <source>Slip / voucher reference</source>
      <translation>签购单 / 凭证号</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="41" />
      <source>from %1 +%2</source>
      <translation>满 %1 送 %2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="47" />
      <source>Paid by</source>
      <translation>支付方式</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="48" />
      <source>Reference</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="49" />
      <source>Bonus ladder</source>
      <translation>充值赠送</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="50" />
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="63" />
      <source>Find a member, then enter an amount</source>
      <translation>先查询会员，再输入金额</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="78" />
      <source>Bonus: %1</source>
      <translation>赠送：%1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="79" />
      <source>Balance after: %1</source>
      <translation>充值后余额：%1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="80" />
      <source>Card cap %1; at most %2 more can be added</source>
      <translation>卡余额上限 %1；最多还可充值 %2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="85" />
      <source>Over the cap: this top-up will be refused</source>
      <translation>超过上限：本次充值将被拒绝</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="87" />
      <source>Real-name purchase: the holder's ID number must be on file</source>
      <translation>实名购卡：须登记持卡人身份证号</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Enter</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Delete the last digit</source>
      <translation>删除最后一位</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <location filename="../payment.py" line="100" />
      <source>Staff code of the assistant (optional)</source>
      <translation>导购工号（可选）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="103" />
      <source>Tenders</source>
      <translation>支付明细</translation>
    </message>
    <message>
      <location filename="../payment.py" line="112" />
      <source>Credited to</source>
      <translation>业绩归属</translation>
    </message>
    <message>
      <location filename="../payment.py" line="120" />
      <source>Amount (empty: the rest)</source>
      <translation>金额（留空：支付剩余）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="130" />
      <source>Present the member card, or type its number</source>
      <translation>出示会员卡，或输入卡号</translation>
    </message>
    <message>
      <location filename="../payment.py" line="140" />
      <source>Member card</source>
      <translation>会员卡</translation>
    </message>
    <message>
      <location filename="../payment.py" line="154" />
      <source>Remove last</source>
      <translation>删除上一笔</translation>
    </message>
    <message>
      <location filename="../payment.py" line="163" />
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <location filename="../payment.py" line="165" />
      <source>Complete</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../payment.py" line="196" />
      <source>Member %1: %2 points (up to %3 usable here), stored value %4</source>
      <translation>会员 %1：积分 %2（本单最多可用 %3），储值 %4</translation>
    </message>
    <message>
      <location filename="../payment.py" line="203" />
      <source>No member: points and stored value need a member</source>
      <translation>未关联会员：积分和储值需要会员</translation>
    </message>
    <message>
      <location filename="../payment.py" line="207" />
      <source>Paid wholly from stored value: %1 (saves %2)</source>
      <translation>全额储值支付：%1（再省 %2）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="243" />
      <source>Scanned %1: go back to the cart (Esc) to add goods</source>
      <translation>已扫描 %1：加商品请返回购物车（Esc）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="317" />
      <source>Still due: %1</source>
      <translation>还需支付：%1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="319" />
      <source>Change: %1</source>
      <translation>找零：%1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="328" />
      <source>Nothing is left to pay</source>
      <translation>已付清</translation>
    </message>
    <message>
      <location filename="../payment.py" line="333" />
      <source>Enter the number of points first</source>
      <translation>请先输入积分数</translation>
    </message>
    <message>
      <location filename="../payment.py" line="343" />
      <source>Present the member card (swipe, tap or insert)</source>
      <translation>请出示会员卡（刷卡、感应或插卡）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="359" />
      <source>Enter the bank-card slip reference</source>
      <translation>请输入银行卡签购单号</translation>
    </message>
    <message>
      <location filename="../payment.py" line="385" />
      <source>This card belongs to another member</source>
      <translation>这张卡属于其他会员</translation>
    </message>
    <message>
      <location filename="../payment.py" line="59" />
      <source>Payment</source>
      <translation>付款</translation>
    </message>
    <message>
      <location filename="../payment.py" line="62" />
      <source>Pay with points</source>
      <translation>积分支付</translation>
    </message>
    <message>
      <location filename="../payment.py" line="63" />
      <source>Pay with stored value (card presented)</source>
      <translation>储值支付（需出示会员卡）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="65" />
      <source>Bank card (reference)</source>
      <translation>银行卡（凭证号）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="66" />
      <source>Other tender</source>
      <translation>其他支付方式</translation>
    </message>
    <message>
      <location filename="../payment.py" line="67" />
      <source>Remove the last tender</source>
      <translation>删除上一笔支付</translation>
    </message>
    <message>
      <location filename="../payment.py" line="68" />
      <source>Complete the sale</source>
      <translation>完成交易</translation>
    </message>
    <message>
      <location filename="../payment.py" line="89" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../returns.py" line="104" />
      <source>Refund</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../returns.py" line="141" />
      <source>%1 is a refund; give the original sale</source>
      <translation>%1 是退货单，请输入原销售小票号</translation>
    </message>
    <message>
      <location filename="../returns.py" line="195" />
      <source>Refunded %1 as %2</source>
      <translation>已退款 %1，退货单 %2</translation>
    </message>
    <message>
      <location filename="../returns.py" line="195" />
      <source>Will refund %1</source>
      <translation>将退款 %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="199" />
      <source>(%1 points back)</source>
      <translation>（退回 %1 积分）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="202" />
      <source>Points taken back: %1</source>
      <translation>扣回积分：%1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="204" />
      <source>The coupon can be used again</source>
      <translation>优惠券已退回，可再次使用</translation>
    </message>
    <message>
      <location filename="../returns.py" line="213" />
      <source>Choose the lines to return</source>
      <translation>请选择要退的商品</translation>
    </message>
    <message>
      <location filename="../returns.py" line="257" />
      <source>Refund %1 done</source>
      <translation>退货单 %1 已完成</translation>
    </message>
    <message>
      <location filename="../returns.py" line="57" />
      <source>Returns</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../returns.py" line="60" />
      <source>Receipt number (or scan the receipt's QR code)</source>
      <translation>小票号（或扫描小票二维码）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="61" />
      <source>Preview what goes back</source>
      <translation>预览退款去向</translation>
    </message>
    <message>
      <location filename="../returns.py" line="62" />
      <source>Refund (supervisor)</source>
      <translation>退货（领班授权）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="74" />
      <source>Receipt number, or scan the receipt's QR code</source>
      <translation>小票号，或扫描小票二维码</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Return</source>
      <translation>退</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Sold</source>
      <translation>已售</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Returned</source>
      <translation>已退</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Qty to return</source>
      <translation>退货数量</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Paid</source>
      <translation>实付</translation>
    </message>
    <message>
      <location filename="../shift.py" line="100" />
      <source>Cash float</source>
      <translation>备用金</translation>
    </message>
    <message>
      <location filename="../shift.py" line="101" />
      <source>Cash counted</source>
      <translation>清点现金</translation>
    </message>
    <message>
      <location filename="../shift.py" line="104" />
      <source>Open shift</source>
      <translation>开班</translation>
    </message>
    <message>
      <location filename="../shift.py" line="110" />
      <source>Close shift, Z report</source>
      <translation>交班结账（Z报表）</translation>
    </message>
    <message>
      <location filename="../shift.py" line="148" />
      <source>No shift is open</source>
      <translation>当前没有开班</translation>
    </message>
    <message>
      <location filename="../shift.py" line="150" />
      <source>Shift %1 open since %2 by %3, float %4</source>
      <translation>第 %1 班 %2 由 %3 开班，备用金 %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="180" />
      <source>Shift %1 opened</source>
      <translation>第 %1 班已开班</translation>
    </message>
    <message>
      <location filename="../shift.py" line="226" />
      <source>Shift %1 closed; expected %2, counted %3, difference %4</source>
      <translation>第 %1 班已交班；应有 %2，实点 %3，差额 %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="80" />
      <source>Shift</source>
      <translation>班次</translation>
    </message>
    <message>
      <location filename="../shift.py" line="83" />
      <source>Open the shift with the cash float (supervisor)</source>
      <translation>录入备用金开班（领班）</translation>
    </message>
    <message>
      <location filename="../shift.py" line="84" />
      <source>X report</source>
      <translation>X报表</translation>
    </message>
    <message>
      <location filename="../shift.py" line="85" />
      <source>Close with the cash count and Z report (supervisor)</source>
      <translation>清点现金交班并打印Z报表（领班）</translation>
    </message>
  </context>
</TS>
